"""'You said that ...' in third-person reporting: German 'Sie' (they / formal you) mistranslated.

Reporting prose never addresses the reader with a speech verb, so 'you' + a reporting verb outside
quotation marks is almost always 'they' (or 'she', German 'sie') rendered as the polite 'you'.
"""

from __future__ import annotations

import re

from reader.core.checks.common import in_quotes, warn
from reader.core.model import Story, Warning

_REPORTING = (
    "said|stressed|emphasi[sz]ed|added|explained|noted|warned|stated|announced|declared|told|"
    "demanded|wrote|insisted|argued|pointed out|reported|confirmed|denied|rejected|criticised|"
    "criticized|called for|called on|urged|accused|welcomed|condemned|underlined|underscored|"
    "recalled|assured|promised|admitted|claimed|replied|responded|complained|expressed"
)
_YOU = re.compile(
    rf"\b(?P<w>[Yy]ou)\s+(?:(?:have|had|also|then|further|again|had also|have also)\s+)?"
    rf"(?:{_REPORTING})\b(?:\s+(?:that|on|in|the|a|it)\b)?"
)


def check_pronoun(story: Story) -> list[Warning]:
    out: list[Warning] = []
    for a in story.articles:
        for m in _YOU.finditer(a.text):
            start = m.start()
            if a.is_hidden(start) or in_quotes(a.text, start):
                continue
            sentence = story.sentence_at(a.id, start)
            if sentence is None or story.text_of(sentence).rstrip().endswith("?"):
                continue  # an interviewer's question may well address the speaker
            out.append(
                warn(
                    a.id,
                    start,
                    m.end(),
                    "pronoun",
                    f"“{m.group(0)}” in reported speech outside quotes: third-person reporting "
                    "does not address the reader; German 'Sie' (they / she) is often rendered "
                    "as 'you'",
                    "pronoun-you-reporting",
                    suggestion="They " + m.group(0)[len(m.group("w")) :].lstrip()
                    if m.group("w") == "You"
                    else "they",
                )
            )
    return out
