"""Twenty Questions word list and the knowledge base behind the built-in oracle.

`OBJECT_DICT` is the public 20Q word list (category -> words; a tuple lists a word and its
aliases, first entry canonical). `KB` turns every object into a row of boolean attributes
(category, living, edible, materials, colours, places, uses, parts, size/weight bands, ...)
stored as a bool matrix [n_attributes, n_objects], so one attribute answers all objects at once.
"""

from __future__ import annotations

import dataclasses
import functools
import re

import numpy as np

# Data laid out by hand, one record a line or a few: the formatter leaves it be.
# fmt: off
OBJECT_DICT: dict[str, list[str | tuple[str, ...]]] = {
    "Sports": ["Basketball", "Football", "Baseball", "Soccer ball", "Golf ball", "Tennis ball",
               "Volleyball", "Tennis racket", "Baseball bat", "Helmet"],
    "Animals": ["Cat", "Dog", "Horse", "Cow", "Sheep", "Rabbit", "Lion", "Tiger", "Bear",
                "Elephant"],
    "Fruits": ["Apple", "Banana", "Orange", "Strawberry", "Grape", "Watermelon", "Pineapple",
               "Mango", "Cantaloupe", "Peach"],
    "Vehicles": ["Car", "Truck", "Motorcycle", "Boat", ("Airplane", "Plane"), "Train", "Bus",
                 "Helicopter", "Scooter", "Ship"],
    "Clothes": ["Shirt", ("Pants", "Pant", "Pair of pants"), "Jacket", "Dress", "Skirt", "Belt",
                ("Shoes", "Shoe", "Pair of shoes"), ("Boots", "Boot", "Pair of boots"),
                ("Socks", "Sock", "Pair of socks"), "Hat", "Scarf"],
    "Electronics": ["Computer", "Smartphone", ("Television", "TV"),
                    ("Headphone", "Headphones", "Pair of headphones"),
                    ("Monitor", "Computer monitor"), "Camera", ("Microwave", "Microwave oven"),
                    "Refrigerator", "Blender", ("Computer keyboard", "Keyboard")],
    "Musical Instruments": ["Piano", "Guitar", ("Drum", "Drums"), "Violin", "Saxophone", "Flute",
                            "Trumpet", "Clarinet", "Harp", "Trombone"],
    "Furniture": ["Chair", "Table", "Bed", "Desk", "Couch", "Dresser", "Bookcase", "Nightstand",
                  "Mattress", "Pillow"],
    "Office Supplies": ["Pen", ("Paper", "Piece of paper"), "Stapler", "Printer", "Calculator",
                        ("Battery", "Battery pack", "Pack of batteries"), "Toothbrush",
                        "Toothpaste", "Pencil", "Sharpie", ("Scissors", "Pair of scissors"),
                        "Key", "Diary", "Calendar"],
    "Vegetables": ["Carrot", "Potato", "Broccoli", "Tomato", "Onion", "Spinach", "Corn",
                   ("Peas", "Pea"), "Celery", "Cucumber"],
    "Art": [("Painting", "Canvas painting", "Oil painting", "Watercolor painting"), "Paintbrush",
            ("Canvas", "Painting canvas"), ("Eraser", "Pencil eraser"), "Marker",
            ("Glue", "Glue stick", "Bottle of glue"), "Sculpture"],
    "Kitchen Tools": ["Knife", "Spoon", "Fork", "Plate", "Bowl", ("Cooking pot", "Pot"),
                      ("Pan", "Saucepan", "Frying pan"), "Cup",
                      ("Chopstick", "Chopsticks", "Pair of chopsticks"), "Whisk"],
    "Nature": ["Rock", "Tree", "Bush", "Mountain", "Forest", "Ocean", "Sea", "Lake", "River",
               "Meteorite", "Cactus"],
    "Toys": [("Lego", "Lego set"), ("Doll", "Toy doll", "Plush doll"), "Kite",
             ("Puzzle", "Jigsaw puzzle")],
    "Jewelry": [("Earring", "Earrings", "Pair of earrings"), "Necklace", "Bracelet", "Ring",
                "Brooch", "Hairclip", "Pendant", "Watch", "Locket"],
    "Garden Supplies": [("Gloves", "Glove", "Pair of gloves"), "Shovel", "Rake", "Watering can",
                        "Lawn mower"],
    "Tools": ["Hammer", "Screwdriver", "Wrench", "Saw", ("Pliers", "Plier", "Pair of pliers"),
              "Drill"],
}

# The 10-word subset (every 10th word of the flattened list, starting at index 1).
SUBSET_WORDS = ("Football", "Dog", "Banana", "Truck", "Pants", "Computer", "Piano", "Chair",
                "Pen", "Scissors")

# Tags every object of a category gets (a leading "-" in an object's tags removes one).
_CATEGORY_TAGS = {
    "Sports": "sport man_made",
    "Animals": "animal mammal living natural moves noisy tail walks",
    "Fruits": "fruit edible plant living natural sweet raw",
    "Vehicles": "vehicle man_made moves ride passengers noisy outdoors expensive",
    "Clothes": "clothing wearable man_made house",
    "Electronics": "electronic electric man_made indoors house",
    "Musical Instruments": "instrument man_made noisy play indoors house",
    "Furniture": "furniture man_made indoors house",
    "Office Supplies": "office_supply man_made indoors house",
    "Vegetables": "vegetable edible plant living natural",
    "Art": "art_cat man_made",
    "Kitchen Tools": "kitchenware kitchen man_made indoors house",
    "Nature": "natural outdoors",
    "Toys": "toy play man_made children",
    "Jewelry": "jewelry wearable man_made valuable house",
    "Garden Supplies": "gardening garden man_made outdoors",
    "Tools": "tool man_made construction garage",
}

# name: (longest size cm, weight kg, legs, colours, materials, tags)
_FACTS: dict[str, tuple[float, float, int, str, str, str]] = {
    # Sports
    "Basketball": (24, 0.62, 0, "orange", "rubber leather",
                   "ball round bounce thrown team inflate indoors outdoors sport_basketball play "
                   "hand"),
    "Football": (28, 0.41, 0, "brown", "leather",
                 "ball oval kicked thrown team inflate outdoors sport_football play hand"),
    "Baseball": (7.4, 0.145, 0, "white", "leather",
                 "ball round thrown hit_by team hard stitches outdoors sport_baseball play hand"),
    "Soccer ball": (22, 0.43, 0, "white black", "leather rubber",
                    "ball round kicked bounce team inflate outdoors sport_soccer play"),
    "Golf ball": (4.3, 0.046, 0, "white", "rubber plastic",
                  "ball round hit_by bounce hard dimples outdoors sport_golf play hand"),
    "Tennis ball": (6.7, 0.058, 0, "yellow green", "rubber fabric",
                    "ball round hit_by bounce fuzzy outdoors sport_tennis play hand"),
    "Volleyball": (21, 0.27, 0, "white yellow blue", "leather",
                   "ball round hit_by bounce team inflate outdoors indoors sport_volleyball play"),
    "Tennis racket": (68, 0.3, 0, "black", "metal plastic",
                      "strings handle hitter outdoors sport_tennis hand"),
    "Baseball bat": (84, 0.9, 0, "brown", "wood metal",
                     "long handle hitter team outdoors sport_baseball hand"),
    "Helmet": (30, 1.5, 0, "black white", "plastic metal",
               "wearable head protect hard team sport_football sport_baseball"),
    # Animals
    "Cat": (46, 4.5, 4, "black white orange gray", "",
            "fur pet domestic house indoors carnivore feline meow soft"),
    "Dog": (70, 25, 4, "brown black white", "", "fur pet domestic house outdoors carnivore bark"),
    "Horse": (240, 500, 4, "brown black white", "",
              "fur hooves mane farm domestic ride herbivore outdoors expensive"),
    "Cow": (250, 700, 4, "black white brown", "",
            "fur hooves farm domestic herbivore milk outdoors"),
    "Sheep": (130, 80, 4, "white", "", "wool hooves farm domestic herbivore outdoors soft"),
    "Rabbit": (40, 2, 4, "white brown gray", "", "fur pet domestic herbivore hop soft outdoors"),
    "Lion": (250, 190, 4, "yellow brown", "",
             "fur mane wild carnivore feline roar africa outdoors dangerous"),
    "Tiger": (300, 220, 4, "orange black", "",
              "fur stripes wild carnivore feline roar jungle outdoors dangerous"),
    "Bear": (250, 300, 4, "brown black", "",
             "fur wild carnivore roar hibernate forest_habitat outdoors dangerous"),
    "Elephant": (600, 5000, 4, "gray", "", "trunk wild herbivore africa ride outdoors"),
    # Fruits
    "Apple": (8, 0.2, 0, "red green yellow", "", "round tree_grown seeds juicy crunchy hand"),
    "Banana": (20, 0.12, 0, "yellow", "", "long peel tropical bunch tree_grown soft hand"),
    "Orange": (8, 0.15, 0, "orange", "", "round citrus peel juicy tree_grown seeds hand"),
    "Strawberry": (3, 0.015, 0, "red", "", "berry seeds juicy soft"),
    "Grape": (2, 0.005, 0, "green purple", "", "round berry bunch vine juicy"),
    "Watermelon": (35, 8, 0, "green red", "", "round melon vine seeds juicy stripes"),
    "Pineapple": (30, 1.5, 0, "yellow brown green", "", "tropical spiky peel juicy"),
    "Mango": (15, 0.3, 0, "yellow orange green", "", "tropical pit tree_grown juicy peel hand"),
    "Cantaloupe": (18, 1.5, 0, "orange", "", "round melon vine seeds juicy"),
    "Peach": (8, 0.15, 0, "orange pink", "", "round fuzzy pit tree_grown juicy soft hand"),
    # Vehicles
    "Car": (450, 1500, 0, "red blue black white silver", "metal glass rubber",
            "wheels engine road has_door garage"),
    "Truck": (700, 8000, 0, "white red", "metal rubber", "wheels engine road cargo has_door"),
    "Motorcycle": (210, 200, 0, "black red", "metal rubber",
                   "wheels engine road two_wheels garage"),
    "Boat": (500, 1000, 0, "white blue", "wood metal", "water"),
    "Airplane": (4000, 40000, 0, "white", "metal",
                 "wheels wings flies sky engine many_people public has_door"),
    "Train": (20000, 400000, 0, "red blue", "metal",
              "wheels rails engine many_people public cargo has_door"),
    "Bus": (1200, 12000, 0, "yellow red", "metal glass rubber",
            "wheels engine road many_people public has_door"),
    "Helicopter": (1500, 3000, 0, "black", "metal", "flies sky engine blade has_door"),
    "Scooter": (150, 100, 0, "red blue", "metal plastic", "wheels engine road two_wheels garage"),
    "Ship": (20000, 1e7, 0, "white gray", "metal", "water engine many_people cargo"),
    # Clothes
    "Shirt": (75, 0.2, 0, "white blue", "fabric", "torso sleeves buttons soft"),
    "Pants": (105, 0.5, 0, "blue black", "fabric", "legs_worn waist pockets zipper soft"),
    "Jacket": (75, 1.0, 0, "black brown", "fabric leather",
               "torso sleeves zipper pockets warm outdoors"),
    "Dress": (110, 0.4, 0, "red black", "fabric", "torso women formal soft"),
    "Skirt": (60, 0.3, 0, "black", "fabric", "waist women soft"),
    "Belt": (110, 0.2, 0, "black brown", "leather metal", "waist buckle long"),
    "Shoes": (28, 0.8, 0, "black brown white", "leather rubber", "feet pair laces"),
    "Boots": (40, 1.5, 0, "black brown", "leather rubber", "feet pair laces warm ankle"),
    "Socks": (25, 0.05, 0, "white black", "fabric", "feet pair warm soft"),
    "Hat": (30, 0.15, 0, "black", "fabric", "head warm soft"),
    "Scarf": (150, 0.2, 0, "red", "fabric", "neck warm wool long soft"),
    # Electronics
    "Computer": (40, 2.5, 0, "black gray silver", "metal plastic",
                 "screen keys buttons internet typing calculate communication glow office "
                 "expensive"),
    "Smartphone": (15, 0.18, 0, "black", "glass metal plastic",
                   "screen buttons internet phone photo battery communication glow lens hand"),
    "Television": (120, 15, 0, "black", "plastic glass",
                   "screen remote watch_shows glow noisy living_room expensive"),
    "Headphone": (20, 0.25, 0, "black white", "plastic",
                  "wearable head ears listen noisy battery"),
    "Monitor": (60, 5, 0, "black", "plastic glass", "screen computer_related glow office"),
    "Camera": (12, 0.5, 0, "black", "plastic metal glass", "photo lens battery buttons hand"),
    "Microwave": (50, 15, 0, "white black silver", "metal glass",
                  "kitchen appliance heats cooking_tool has_door buttons container noisy"),
    "Refrigerator": (180, 90, 0, "white silver", "metal",
                     "kitchen appliance cold has_door shelves storage container expensive"),
    "Blender": (40, 2.5, 0, "silver black", "glass plastic",
                "kitchen appliance blade mix motor cooking_tool noisy"),
    "Computer keyboard": (45, 0.8, 0, "black", "plastic",
                          "keys buttons typing computer_related office"),
    # Musical Instruments
    "Piano": (150, 250, 3, "black white", "wood", "keys strings expensive"),
    "Guitar": (100, 3, 0, "brown", "wood", "strings string_instrument plucked"),
    "Drum": (50, 5, 0, "red", "wood metal", "percussion hit_by round"),
    "Violin": (60, 0.5, 0, "brown", "wood", "strings string_instrument bow hand"),
    "Saxophone": (70, 3, 0, "gold", "metal brass", "wind_instrument woodwind reed keys"),
    "Flute": (67, 0.4, 0, "silver", "metal", "wind_instrument woodwind keys long hand"),
    "Trumpet": (50, 1.0, 0, "gold", "metal brass", "wind_instrument brass_instrument valves hand"),
    "Clarinet": (66, 0.8, 0, "black", "wood", "wind_instrument woodwind reed keys long hand"),
    "Harp": (180, 35, 0, "brown gold", "wood", "strings string_instrument plucked expensive"),
    "Trombone": (120, 1.2, 0, "gold", "metal brass", "wind_instrument brass_instrument slide"),
    # Furniture
    "Chair": (90, 7, 4, "brown black", "wood metal plastic", "sit office school"),
    "Table": (150, 30, 4, "brown", "wood", "flat"),
    "Bed": (200, 60, 4, "white brown", "wood fabric", "sleep bedroom soft"),
    "Desk": (130, 40, 4, "brown", "wood metal", "drawers office school flat"),
    "Couch": (200, 50, 4, "gray brown", "fabric leather wood", "sit living_room soft"),
    "Dresser": (120, 60, 4, "brown white", "wood", "drawers storage bedroom"),
    "Bookcase": (180, 40, 0, "brown", "wood", "shelves storage book_storage living_room"),
    "Nightstand": (60, 15, 4, "brown", "wood", "drawers bedroom"),
    "Mattress": (200, 30, 0, "white", "fabric", "sleep bedroom soft"),
    "Pillow": (60, 0.5, 0, "white", "fabric", "sleep bedroom soft"),
    # Office Supplies
    "Pen": (14, 0.01, 0, "blue black", "plastic metal",
            "write_with draw ink long office school hand"),
    "Paper": (28, 0.005, 0, "white", "paper", "write_on flat office school"),
    "Stapler": (15, 0.3, 0, "black", "metal plastic", "fasten office school hand"),
    "Printer": (45, 8, 0, "white black", "plastic", "electric electronic print ink office noisy"),
    "Calculator": (15, 0.15, 0, "black gray", "plastic",
                   "electric electronic battery buttons screen calculate school office hand"),
    "Battery": (5, 0.02, 0, "black silver", "metal", "electric energy"),
    "Toothbrush": (19, 0.02, 0, "white blue", "plastic",
                   "bathroom teeth brush clean handle long hand -office_supply"),
    "Toothpaste": (18, 0.1, 0, "white", "plastic", "bathroom teeth clean tube -office_supply"),
    "Pencil": (19, 0.006, 0, "yellow", "wood",
               "write_with draw erasable long school office hand"),
    "Sharpie": (14, 0.01, 0, "black", "plastic", "write_with draw ink permanent office hand"),
    "Scissors": (20, 0.1, 0, "silver", "metal plastic", "sharp blade cutting school office hand"),
    "Key": (6, 0.01, 0, "silver gold", "metal", "unlock hand -office_supply"),
    "Diary": (21, 0.3, 0, "brown", "paper", "write_on read private dates"),
    "Calendar": (30, 0.2, 0, "white", "paper", "dates read wall flat office"),
    # Vegetables
    "Carrot": (18, 0.07, 0, "orange", "", "underground long crunchy raw cooked salad hand"),
    "Potato": (10, 0.2, 0, "brown", "", "underground cooked hand"),
    "Broccoli": (15, 0.3, 0, "green", "", "cooked raw"),
    "Tomato": (7, 0.1, 0, "red", "", "round juicy seeds salad raw soft vine"),
    "Onion": (8, 0.15, 0, "white purple brown", "", "underground round cooked salad peel cry"),
    "Spinach": (10, 0.01, 0, "green", "", "leafy leaves salad cooked raw"),
    "Corn": (20, 0.25, 0, "yellow", "", "cooked sweet cob"),
    "Peas": (1, 0.0002, 0, "green", "", "round cooked pod"),
    "Celery": (30, 0.04, 0, "green", "", "long crunchy raw salad leaves"),
    "Cucumber": (20, 0.3, 0, "green", "", "long crunchy raw salad seeds juicy vine"),
    # Art
    "Painting": (60, 2, 0, "red blue yellow green", "fabric wood",
                 "artwork decoration museum wall painting_related indoors house colorful"),
    "Paintbrush": (20, 0.02, 0, "brown", "wood",
                   "art_supply paint_tool painting_related brush long handle hand indoors"),
    "Canvas": (60, 0.5, 0, "white", "fabric wood",
               "art_supply paint_tool painting_related flat indoors"),
    "Eraser": (5, 0.02, 0, "pink", "rubber", "art_supply eraser_use school office hand indoors"),
    "Marker": (13, 0.015, 0, "black red blue", "plastic",
               "art_supply write_with draw ink school colorful hand indoors"),
    "Glue": (10, 0.05, 0, "white", "plastic", "art_supply sticky fasten school indoors"),
    "Sculpture": (100, 50, 0, "gray white", "stone metal",
                  "artwork decoration museum outdoors indoors"),
    # Kitchen Tools
    "Knife": (25, 0.1, 0, "silver", "metal",
              "sharp blade cutting cutlery eat_with cooking_tool handle hand dangerous"),
    "Spoon": (16, 0.04, 0, "silver", "metal", "cutlery eat_with scoop hand"),
    "Fork": (18, 0.04, 0, "silver", "metal", "cutlery eat_with prongs hand"),
    "Plate": (26, 0.5, 0, "white", "ceramic", "dishware eat_with flat round"),
    "Bowl": (16, 0.3, 0, "white", "ceramic", "dishware eat_with container liquids round"),
    "Cooking pot": (30, 2, 0, "silver black", "metal",
                    "cooking_tool stove lid container liquids handle"),
    "Pan": (40, 1.5, 0, "black silver", "metal", "cooking_tool stove fry handle"),
    "Cup": (10, 0.3, 0, "white", "ceramic", "dishware drink container liquids handle hand"),
    "Chopstick": (24, 0.02, 0, "brown", "wood", "cutlery eat_with pair long hand"),
    "Whisk": (28, 0.1, 0, "silver", "metal", "cooking_tool mix handle hand"),
    # Nature
    "Rock": (20, 3, 0, "gray", "stone", "hard"),
    "Tree": (1500, 3000, 0, "green brown", "wood",
             "living plant leaves trunk has_bark climb forest_habitat"),
    "Bush": (150, 30, 0, "green", "wood", "living plant leaves has_bark garden"),
    "Mountain": (3e5, 1e12, 0, "gray white", "stone", "geo climb snow"),
    "Forest": (1e6, 1e12, 0, "green", "", "geo has_trees"),
    "Ocean": (1e9, 1e20, 0, "blue", "water", "geo body_of_water salt waves covers_earth"),
    "Sea": (2e8, 1e18, 0, "blue", "water", "geo body_of_water salt waves enclosed"),
    "Lake": (5e5, 1e12, 0, "blue", "water", "geo body_of_water fresh enclosed"),
    "River": (1e7, 1e12, 0, "blue", "water", "geo body_of_water fresh flows long moves"),
    "Meteorite": (30, 20, 0, "black gray", "stone metal", "space hard"),
    "Cactus": (100, 20, 0, "green", "", "living plant spiky desert"),
    # Toys
    "Lego": (30, 1, 0, "red yellow blue", "plastic", "bricks pieces colorful indoors house"),
    "Doll": (30, 0.3, 0, "pink", "plastic fabric", "humanlike soft indoors house"),
    "Kite": (100, 0.3, 0, "red", "fabric plastic", "flies sky strings wind outdoors colorful"),
    "Puzzle": (40, 0.5, 0, "blue green", "paper", "pieces indoors house flat"),
    # Jewelry
    "Earring": (3, 0.005, 0, "gold silver", "metal", "ears pair"),
    "Necklace": (45, 0.02, 0, "gold silver", "metal", "neck chain"),
    "Bracelet": (7, 0.03, 0, "gold silver", "metal", "wrist round"),
    "Ring": (2, 0.005, 0, "gold silver", "metal", "finger round"),
    "Brooch": (5, 0.02, 0, "gold silver", "metal", "pin women"),
    "Hairclip": (6, 0.01, 0, "black", "plastic metal", "hair head women -valuable"),
    "Pendant": (3, 0.01, 0, "gold silver", "metal", "neck pendant_hang"),
    "Watch": (20, 0.1, 0, "silver black", "metal glass leather", "wrist tell_time battery"),
    "Locket": (3, 0.02, 0, "gold silver", "metal", "neck pendant_hang opens"),
    # Garden Supplies
    "Gloves": (25, 0.1, 0, "brown green", "fabric leather", "wearable hands pair protect"),
    "Shovel": (120, 2, 0, "silver brown", "metal wood", "dig scoop handle long garage tool"),
    "Rake": (150, 1, 0, "green silver", "metal wood plastic", "prongs handle long garage tool"),
    "Watering can": (40, 1, 0, "green", "plastic metal", "watering container liquids handle"),
    "Lawn mower": (150, 30, 0, "red green", "metal plastic",
                   "engine motor wheels blade cutting noisy garage mow"),
    # Tools
    "Hammer": (30, 0.6, 0, "silver brown", "metal wood", "hitter nails handle hand"),
    "Screwdriver": (20, 0.1, 0, "red yellow", "metal plastic", "screws handle hand"),
    "Wrench": (25, 0.3, 0, "silver", "metal", "bolts grip hand"),
    "Saw": (60, 0.7, 0, "silver", "metal wood", "sharp blade cutting handle"),
    "Pliers": (20, 0.3, 0, "silver red", "metal", "grip hand"),
    "Drill": (30, 1.5, 0, "black yellow", "metal plastic",
              "electric motor battery holes screws noisy hand"),
}

COLOURS = ("red", "orange", "yellow", "green", "blue", "purple", "pink", "brown", "black",
           "white", "gray", "silver", "gold")
MATERIALS = ("metal", "wood", "plastic", "fabric", "leather", "glass", "paper", "rubber",
             "stone", "ceramic", "brass", "water")
# fmt: on

_NON_ALNUM = re.compile(r"[^a-z0-9]+")

# Numeric bands the player can ask about; other thresholds are answered on the fly.
SIZE_LADDER = (2.5, 5, 15, 20, 30, 40, 100, 175, 450, 1500, 1e4, 5e8)  # cm, "bigger than"
WEIGHT_LADDER = (0.1, 1, 10, 70, 1000)  # kg, "heavier than"


def norm_name(s: str) -> str:
  """Lower-case alphanumeric words joined by single spaces ("Soccer-Ball?" -> "soccer ball")."""
  return " ".join(_NON_ALNUM.sub(" ", s.lower()).split())


@dataclasses.dataclass(frozen=True)
class WordEntry:
  """One secret word: canonical `name` (aliases[0]), all `aliases`, and its category."""

  name: str
  aliases: tuple[str, ...]
  category: str

  @property
  def alias_tokens(self) -> tuple[tuple[str, ...], ...]:
    """Each alias as lower-case words (for the 'question ends with the name' check)."""
    return tuple(tuple(norm_name(a).split()) for a in self.aliases)


def _entries() -> list[WordEntry]:
  out = []
  for cat, words in OBJECT_DICT.items():
    for w in words:
      aliases = (w,) if isinstance(w, str) else tuple(w)
      out.append(WordEntry(aliases[0], aliases, cat))
  return out


WORDS: tuple[WordEntry, ...] = tuple(_entries())


class KnowledgeBase:
  """Attributes of all `WORDS` as masks: `attrs[key]` -> bool[n_objects].

  `sizes` / `weights` / `legs` are float/int arrays [n_objects] for numeric questions.
  `ASKABLE` (the player's and the separation test's attribute keys) excludes name-like ones.
  """

  def __init__(self, words: tuple[WordEntry, ...] = WORDS):
    self.words = words
    self.n = len(words)
    self.index = {w.name: i for i, w in enumerate(words)}
    self.alias_index: dict[str, int] = {}
    for i, w in enumerate(words):
      for a in w.aliases:
        self.alias_index[norm_name(a)] = i
    self.sizes = np.zeros(self.n)
    self.weights = np.zeros(self.n)
    self.legs = np.zeros(self.n, np.int32)
    tags: list[set[str]] = []
    for i, w in enumerate(words):
      size, weight, legs, colours, mats, extra = _FACTS[w.name]
      self.sizes[i], self.weights[i], self.legs[i] = size, weight, legs
      t = set(_CATEGORY_TAGS[w.category].split())
      for tag in extra.split():
        if tag.startswith("-"):
          t.discard(tag[1:])
        else:
          t.add(tag)
      t.update("col_" + c for c in colours.split())
      t.update("mat_" + m for m in mats.split())
      t.add("cat_" + w.category.lower().replace(" ", "_"))
      tags.append(t)
    self._tags = tags
    self.attrs: dict[str, np.ndarray] = {}
    for tag in sorted(set().union(*tags)):
      self.attrs[tag] = np.array([tag in t for t in tags])
    self._derive()
    self.keys = tuple(self.attrs)

  def _add(self, key: str, mask) -> None:
    self.attrs[key] = np.asarray(mask, bool)

  def _derive(self) -> None:
    a, z = self.attrs, np.zeros(self.n, bool)
    for c in COLOURS:
      a.setdefault("col_" + c, z.copy())
    for m in MATERIALS:
      a.setdefault("mat_" + m, z.copy())
    for k in ("aquatic", "bird", "fish", "insect", "reptile", "person", "flower", "building"):
      self._add(k, z)  # asked about, true of nothing in the list
    rigid = z.copy()
    for m in ("metal", "wood", "plastic", "glass", "stone", "ceramic", "brass"):
      rigid |= a["mat_" + m]
    self._add("hard", (rigid | a.get("hard", z)) & ~a["soft"] & ~a["living"])
    self._add(
      "colorful", a.get("colorful", z) | (sum(a["col_" + c].astype(int) for c in COLOURS) >= 3)
    )
    self._add("has_legs", self.legs > 0)
    self._add("legs_4", self.legs == 4)
    self._add("legs_3", self.legs == 3)
    self._add("legs_2", self.legs == 2)
    self._add("portable", (self.weights <= 20) & (self.sizes <= 200))
    self._add("heavy", self.weights > 10)
    self._add("lightweight", self.weights < 1)
    self._add("big", self.sizes > 100)
    self._add("huge", self.sizes > 1000)
    self._add("small", self.sizes <= 30)
    self._add("tiny", self.sizes <= 5)
    for t in SIZE_LADDER:
      self._add(f"size_gt_{t:g}", self.sizes > t)
    for t in WEIGHT_LADDER:
      self._add(f"weight_gt_{t:g}", self.weights > t)

  def mask(self, key: str) -> np.ndarray:
    return self.attrs[key]

  def has(self, name: str, key: str) -> bool:
    return bool(self.attrs[key][self.index[name]])

  def tags_of(self, name: str) -> list[str]:
    i = self.index[name]
    return [k for k, m in self.attrs.items() if m[i]]


def resolve_words(words) -> tuple[WordEntry, ...]:
  """'full' | 'subset' | a list of names (any alias) -> WordEntry tuple (all from `WORDS`)."""
  if isinstance(words, str):
    if words == "full":
      return WORDS
    if words == "subset":
      words = SUBSET_WORDS
    else:
      raise ValueError(
        f"twenty questions: words must be 'full', 'subset' or a list of names, got {words!r}"
      )
  kb = get_kb()
  out = []
  for w in words:
    i = kb.alias_index.get(norm_name(str(w)))
    if i is None:
      raise ValueError(f"twenty questions: {w!r} is not in the 157-object word list")
    out.append(WORDS[i])
  if not out:
    raise ValueError("twenty questions: the word list is empty")
  return tuple(out)


@functools.cache
def get_kb() -> KnowledgeBase:
  """The shared knowledge base over all 157 objects (built once)."""
  return KnowledgeBase()
