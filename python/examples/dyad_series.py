"""The README's notebook example: the example article and our demo corpus → pandas → the
China–Russia dyad by month, plotted with matplotlib (run from the repository root; needs
`pip install pandas matplotlib` besides the demarche wheel)."""

import demarche
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

coder = demarche.Coder()

# The example article: one document, its publication date, its id.
article = open("../shared/examples/global-times-2021-11-20-china-russia.txt", encoding="utf-8").read()
events = coder.code([article], dates=["2021-11-20"], ids=["global-times"]).to_pandas()
print(events[["sentence", "source", "target", "code", "verb_text"]])

# More news for a series: the demo corpus (JSON Lines), coded batch by batch.
events = pd.concat([events, *(t.to_pandas() for t in coder.code_files("corpus/demo/reports.jsonl"))])

# The China–Russia dyad, both directions, at country level.
country = lambda code: code.str[:3]  # noqa: E731
dyad = events[
    country(events.source).isin(["CHN", "RUS"])
    & country(events.target).isin(["CHN", "RUS"])
    & (country(events.source) != country(events.target))
]
labels = {0: "neutral", 1: "verbal coop.", 2: "material coop.", 3: "verbal conflict", 4: "material conflict"}
series = (
    dyad.assign(month=pd.to_datetime(dyad.date).dt.to_period("M"))
    .groupby(["month", "quad_class"]).size().unstack(fill_value=0)
    .rename(columns=labels)
)
print(series.tail())
ax = series.plot(kind="bar", stacked=True, figsize=(10, 4), title="China–Russia events per month")
ax.set_xlabel("")
ax.set_ylabel("events")
plt.tight_layout()
plt.savefig("chn-rus.png", dpi=80)
print(f"{len(dyad)} China–Russia events; Goldstein mean {dyad.goldstein.mean():.2f}")
