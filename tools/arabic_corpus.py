"""What the data-generating tools share: Arabic words as the tools fold them,
and the article texts of the news corpus in ../shared/corpus/.

The C++ loaders normalise every word they read again, so this folding only
has to group spellings the same way (marks and tatweel dropped, alef forms,
ta marbuta and alef maqsura folded), not to match hadath's normaliser.
"""
import gzip
import json
import re

MARKS = re.compile("[\u064B-\u0652\u0640]")
WORD = re.compile("[\u0621-\u064A]+")


def normalise(word):
    word = MARKS.sub("", word)
    word = re.sub("[أإآ]", "ا", word)
    return word.replace("ة", "ه").replace("ى", "ي")


def corpus_texts(shared):
    """The `content` of every record of the corpus files, in file order."""
    for path in sorted((shared / "corpus").glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            for line in lines:
                yield json.loads(line).get("content") or ""
