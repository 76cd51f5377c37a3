"""The Ripple-Down-Rules tree of RDRsegmenter and how it corrects the tags (SPEC section 6).

The rule file is read verbatim (two rules contain decomposed characters on purpose). A
token's context is ten features built from the *initial* tags (never from corrected ones);
the deepest chain of first-matching exceptions gives the final tag. Long exception lists are indexed by one
word feature of each rule, so deciding a token costs a few dictionary look-ups instead of
a scan over hundreds of rules; the first match in file order still wins.

>>> tree = RuleTree.load()
>>> tree.tags(["người", "ta", "nói"], ["B", "I", "B"])
['B', 'B', 'B']
>>> tree.tags(["người", "ta", "chia", "đất"], ["B", "I", "B", "I"])
['B', 'I', 'B', 'I']
"""

from __future__ import annotations

from tachtu.compat.resources import data_path
from tachtu.errors import ModelError

#: The ten context features and where each is read in a context list ``c`` that holds the
#: word and the tag of every position interleaved (two boundary slots on each side): the
#: feature of the token at ``c[k]`` (its word) is ``c[k + delta]``.
FEATURES = {
    "word": 0, "tag": 1, "prevWord1": -2, "prevTag1": -1, "prevWord2": -4, "prevTag2": -3,
    "nextWord1": 2, "nextTag1": 3, "nextWord2": 4, "nextTag2": 5,
}
#: Features used to index long exception lists, most selective first.
_KEY_FEATURES = tuple(FEATURES[f] for f in ("word", "prevWord1", "nextWord1", "prevWord2",
                                            "nextWord2"))
#: Exception lists at least this long get an index.
_INDEXED_FROM = 8
#: The value of a feature outside the sentence (an empty "" in the rule file).
BOUNDARY = ""
_MAX_DEPTH = 7


class Rule:
    """One node: its clauses ``((delta, value), ...)``, conclusion and exceptions."""

    __slots__ = ("clauses", "conclusion", "exceptions", "_index", "_unindexed")

    def __init__(self, clauses: tuple[tuple[int, str], ...], conclusion: str | None):
        self.clauses = clauses
        self.conclusion = conclusion
        self.exceptions: list[Rule] = []
        self._index: tuple[tuple[int, dict[str, list[int]]], ...] = ()
        self._unindexed: list[int] = []

    def matches(self, c: list[str], k: int) -> bool:
        """All clauses hold for the token whose word is ``c[k]``."""
        for delta, value in self.clauses:
            if c[k + delta] != value:
                return False
        return True

    def first_exception(self, c: list[str], k: int) -> Rule | None:
        """The first exception (in file order) whose clauses all hold for the token."""
        exceptions = self.exceptions
        if not self._index:
            for rule in exceptions:
                if rule.matches(c, k):
                    return rule
            return None
        candidates: list[int] = []
        for delta, table in self._index:
            found = table.get(c[k + delta])
            if found:
                candidates += found
        if self._unindexed:
            candidates += self._unindexed
        if len(candidates) > 1:
            candidates.sort()
        for i in candidates:
            if exceptions[i].matches(c, k):
                return exceptions[i]
        return None

    def build_index(self) -> None:
        """Index long exception lists by one word feature of each rule (recursively)."""
        for rule in self.exceptions:
            rule.build_index()
        if len(self.exceptions) < _INDEXED_FROM:
            return
        tables: dict[int, dict[str, list[int]]] = {}
        for i, rule in enumerate(self.exceptions):
            values = dict(rule.clauses)
            delta = next((d for d in _KEY_FEATURES if d in values), None)
            if delta is None:
                self._unindexed.append(i)
            else:
                tables.setdefault(delta, {}).setdefault(values[delta], []).append(i)
        self._index = tuple(tables.items())

    def triggers(self) -> list[tuple[str, int, tuple[int, ...]]] | None:
        """``(word, shift, exception numbers)``: those exceptions can only match the token
        at padded position ``p - shift`` when ``word`` is at ``p``. None if some exception
        is not indexed (then every token must be examined)."""
        if not self._index or self._unindexed:
            return None
        return [(word, 2 + delta // 2, tuple(numbers))
                for delta, table in self._index for word, numbers in table.items()]


class RuleTree:
    """The whole tree; :meth:`tags` applies it to one sentence."""

    def __init__(self, root: Rule):
        self.root = root
        root.build_index()
        self._by_tag = _tag_dispatch(root)
        # Below the first level, only tokens near a trigger word can meet a matching rule:
        # word -> ((shift, tag, exception numbers), ...). Tags whose rule has no complete
        # index have every token examined.
        self._scan_all: set[str] = set()
        triggers: dict[str, list[tuple[int, str, tuple[int, ...]]]] = {}
        for tag, rule in (self._by_tag or {}).items():
            found = rule.triggers()
            if found is None:
                self._scan_all.add(tag)
                continue
            for word, shift, numbers in found:
                triggers.setdefault(word, []).append((shift, tag, numbers))
        self._triggers = {word: tuple(entries) for word, entries in triggers.items()}

    @classmethod
    def load(cls, name: str = "rdrsegmenter-model.rdr") -> RuleTree:
        """Parse the shipped rule file (SPEC 6.1-6.2)."""
        return cls(parse_rules(data_path(name).read_text(encoding="utf-8")))

    def tags(self, words: list[str], initial: list[str]) -> list[str]:
        """Final tags for a sentence: ``words`` lower-cased, ``initial`` the W0-W4 tags."""
        n = len(words)
        c = [BOUNDARY] * (2 * n + 8)
        c[4:-4:2] = words
        c[5:-4:2] = initial
        by_tag = self._by_tag
        if by_tag is None:
            return [_descend(self.root, c, k) or c[k + 1] for k in range(4, 2 * n + 4, 2)]
        # First level by the token's tag; then the candidate exceptions of each token.
        out = [by_tag[t].conclusion if t in by_tag else t for t in initial]
        candidates: dict[int, list[int]] = {}
        triggers = self._triggers
        for p, entries in [(p, triggers[w]) for p, w in enumerate(c[0::2]) if w in triggers]:
            for shift, tag, numbers in entries:
                k = p - shift
                if 0 <= k < n and initial[k] == tag:
                    if k in candidates:
                        candidates[k] += numbers
                    else:
                        candidates[k] = list(numbers)
        for k, numbers in candidates.items():
            exceptions = by_tag[initial[k]].exceptions
            if len(numbers) > 1:
                numbers.sort()
            ck = 4 + 2 * k
            for i in numbers:
                rule = exceptions[i]
                if rule.matches(c, ck):
                    out[k] = _descend(rule, c, ck) or rule.conclusion
                    break
        for k in range(n) if self._scan_all else ():
            rule = by_tag.get(initial[k])
            if rule is not None and initial[k] in self._scan_all:
                out[k] = _descend(rule, c, 4 + 2 * k) or rule.conclusion
        return out


def _descend(rule: Rule, c: list[str], k: int) -> str | None:
    """Conclusion of the last rule matched below ``rule`` (None if none matches)."""
    last = None
    while (rule := rule.first_exception(c, k)) is not None:
        last = rule
    return None if last is None else last.conclusion


def _tag_dispatch(root: Rule) -> dict[str, Rule] | None:
    """``{tag: rule}`` when every rule under the root tests only the token's tag (true of
    the shipped file: ``tag == "I"`` and ``tag == "B"``), else None (generic traversal)."""
    tag = FEATURES["tag"]
    if not all(len(r.clauses) == 1 and r.clauses[0][0] == tag for r in root.exceptions):
        return None
    dispatch: dict[str, Rule] = {}
    for rule in root.exceptions:
        dispatch.setdefault(rule.clauses[0][1], rule)  # the first one in file order wins
    return dispatch


def parse_rules(text: str) -> Rule:
    """Build the tree from the text of a ``.rdr`` file; :class:`ModelError` if malformed."""
    lines = text.split("\n")
    root = Rule((), None)
    parents = [root]  # parents[d] = the last rule read at depth d
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip() or "cc:" in line:
            continue
        depth = len(line) - len(line.lstrip("\t"))
        if not 1 <= depth <= min(_MAX_DEPTH, len(parents)):
            raise ModelError(f"rule file line {number}: bad depth {depth}")
        rule = _parse_rule(line[depth:], number)
        del parents[depth:]
        parents[depth - 1].exceptions.append(rule)
        parents.append(rule)
    return root


def _parse_rule(body: str, number: int) -> Rule:
    condition, sep, conclusion = body.partition(" : ")
    prefix, suffix = 'object.conclusion = "', '"'
    if not sep or not conclusion.startswith(prefix) or not conclusion.endswith(suffix):
        raise ModelError(f"rule file line {number}: cannot read {body!r}")
    clauses = []
    for clause in condition.split(" and "):
        feature, eq, value = clause.strip().partition(" == ")
        feature = feature.removeprefix("object.")
        if not eq or feature not in FEATURES or not (value.startswith('"') and value.endswith('"')):
            raise ModelError(f"rule file line {number}: cannot read clause {clause!r}")
        clauses.append((FEATURES[feature], value[1:-1]))
    return Rule(tuple(clauses), conclusion[len(prefix):-len(suffix)])
