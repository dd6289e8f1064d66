"""`make bench`: how long the normalizer takes on large generated notes.

Performance goals live here, not in timed tests. Goals (2-core machine): a 2 MB note
normalizes in under 20 s; a 20 MB note completes, in time linear in its size (measured:
8 s and 71 s).
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from handbook.pipeline import STAGES, State  # noqa: E402

TOPICS = ["感受野", "BN", "Dropout", "NMS", "Focal Loss", "ResNet", "Adam", "LSTM", "GAN", "mAP", "SVM", "剪枝"]
ANSWER = "这是一段答案，解释了原理、公式 $a_b$ 和注意事项。" * 6


def make_note(size_bytes: int, seed: int = 0) -> str:
    rng = random.Random(seed)
    parts, size, n = [], 0, 0
    while size < size_bytes:
        n += 1
        part = f"{n}、{rng.choice(TOPICS)} 的作用是什么？\n答：{ANSWER}\n\n"
        parts.append(part)
        size += len(part.encode())
    return "".join(parts)


def bench(size_mb: float) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "big.md").write_text(make_note(int(size_mb * 1024 * 1024)), encoding="utf-8")
        state = State(notes_dir=Path(tmp))
        timings = []
        for name, stage in STAGES:
            start = time.perf_counter()
            stage(state)
            timings.append(f"{name} {time.perf_counter() - start:.1f}s")
        print(f"{size_mb:>5} MB: {len(state.entries)} questions · " + " · ".join(timings))


if __name__ == "__main__":
    for size in (0.2, 2.0) + ((20.0,) if "--large" in sys.argv else ()):
        bench(size)
