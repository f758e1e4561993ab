"""Recognize a gesture in a keypoint clip with a GestureLab classifier and ONNX Runtime for Python.

Setup, once:  pip install onnxruntime numpy
Run:          python example/recognize.py [clip.npy]
"""
import json
import pathlib
import sys

import numpy as np
import onnxruntime as ort

bundle = pathlib.Path(__file__).resolve().parent.parent
card = json.loads((bundle / "classifier.json").read_text(encoding="utf-8"))
session = ort.InferenceSession(str(bundle / card["model"]), providers=["CPUExecutionProvider"])

clip_path = sys.argv[1] if len(sys.argv) > 1 else bundle / "example" / "clip.npy"
clip = np.load(clip_path).astype(np.float32)  # frames x 1662, zeros where a part is absent
probabilities = session.run([card["output"]], {card["input"]: clip[np.newaxis]})[0][0]

ranked = sorted(zip(card["classes"], probabilities), key=lambda item: -item[1])
name, p = ranked[0]
if p >= card["threshold"]:
    print(f"Recognized: {name} ({p:.4f})")
else:
    print(f"No gesture above the threshold {card['threshold']} (best: {name}, {p:.4f})")
for name, p in ranked:
    print(f"  {name}\t{p:.6f}")
