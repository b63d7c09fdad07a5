"""Writes the clinical reference note's TV-A1 / TV-A2 series with pydicom, plus odd and broken
variants, for PydicomSeriesIT. Usage: python3 make_odd_series.py OUT_DIR (Debian python3-pydicom)."""
import math
import os
import shutil
import sys

import numpy as np
import pydicom
from pydicom.dataset import FileDataset, FileMetaDataset
from pydicom.uid import CTImageStorage, ExplicitVRLittleEndian, generate_uid


def slice_ds(z, pix, series, study, frame, inc=3.0, iop=(1, 0, 0, 0, 1, 0), shear=(0.0, 0.0), tilt=None):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = CTImageStorage
    meta.MediaStorageSOPInstanceUID = generate_uid()
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = FileDataset(None, {}, file_meta=meta, preamble=b"\0" * 128)
    ds.is_little_endian = True
    ds.is_implicit_VR = False
    ds.SOPClassUID = CTImageStorage
    ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    ds.Modality = "CT"
    ds.PatientName = "Test^TVA1"
    ds.PatientID = "TVA1"
    ds.StudyInstanceUID, ds.SeriesInstanceUID, ds.FrameOfReferenceUID = study, series, frame
    ds.SeriesNumber = 1
    ds.InstanceNumber = z + 1
    ds.ImagePositionPatient = [shear[0] * z * inc, shear[1] * z * inc, z * inc]
    if tilt is not None:
        ds.GantryDetectorTilt = tilt
    ds.ImageOrientationPatient = list(iop)
    ds.PixelSpacing = [0.5, 0.5]
    ds.SliceThickness = inc
    ds.KVP = 120
    ds.RescaleSlope, ds.RescaleIntercept, ds.RescaleType = 1, -1024, "HU"
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.Rows, ds.Columns = pix.shape
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 16, 15, 1
    ds.PixelData = (pix.astype(np.int16) + 1024).astype(np.int16).tobytes()
    return ds


def tva1(n=4, lesion_slices=(1, 2)):
    """64 x 64 px, background 40 HU; lesion A 4x4 px at 450 HU, B 2x3 px at 250 HU on the given slices."""
    out = []
    for z in range(n):
        a = np.full((64, 64), 40, dtype=np.int16)
        if z in lesion_slices:
            a[10:14, 10:14] = 450
            a[40:43, 40:42] = 250
        out.append(a)
    return out


def write(folder, images, **kw):
    os.makedirs(folder)
    series, study, frame = generate_uid(), generate_uid(), generate_uid()
    paths = []
    for z, a in enumerate(images):
        p = os.path.join(folder, "IM%04d.dcm" % z)
        slice_ds(z, a, series, study, frame, **kw).save_as(p, write_like_original=False)
        paths.append(p)
    return paths


def edit(paths, fn):
    for p in paths:
        d = pydicom.dcmread(p)
        fn(d)
        d.save_as(p)


out = sys.argv[1]
write(os.path.join(out, "tva1"), tva1())
write(os.path.join(out, "tva2"), tva1(8, (2, 3, 4, 5)), inc=1.5)
p = write(os.path.join(out, "truncated"), tva1())
b = open(p[2], "rb").read()
open(p[2], "wb").write(b[: len(b) // 2])
edit(write(os.path.join(out, "no-spacing"), tva1()), lambda d: delattr(d, "PixelSpacing"))
edit(write(os.path.join(out, "zero-spacing"), tva1()), lambda d: setattr(d, "PixelSpacing", [0, 0.5]))
edit(write(os.path.join(out, "no-rescale"), tva1()),
     lambda d: (delattr(d, "RescaleSlope"), delattr(d, "RescaleIntercept")))
write(os.path.join(out, "sagittal"), tva1(), iop=(0, 1, 0, 0, 0, -1))
images = tva1()
mf = slice_ds(0, images[0], generate_uid(), generate_uid(), generate_uid())
mf.NumberOfFrames = 4
mf.PixelData = b"".join((a.astype(np.int16) + 1024).astype(np.int16).tobytes() for a in images)
os.makedirs(os.path.join(out, "multi-frame"))
mf.save_as(os.path.join(out, "multi-frame", "mf.dcm"), write_like_original=False)
write(os.path.join(out, "tmp-a"), tva1())
write(os.path.join(out, "tmp-b"), tva1(3, (0,)))
mixed = os.path.join(out, "mixed")
os.makedirs(mixed)
for s in ("tmp-a", "tmp-b"):
    for f in os.listdir(os.path.join(out, s)):
        shutil.copy(os.path.join(out, s, f), os.path.join(mixed, s + "-" + f))
    shutil.rmtree(os.path.join(out, s))
# a gantry tilt of 15 degrees written as axial images: each slice's origin drifts in y by tan(15 deg) per mm of z
# (the sheared stack of review8), with the tilt stated; the tilt stated over a straight stack; the tilted planes
t = math.tan(math.radians(15))
write(os.path.join(out, "tilt-sheared"), tva1(), shear=(0.0, t), tilt=15)
write(os.path.join(out, "tilt-tag-only"), tva1(), tilt=15)
write(os.path.join(out, "tilt-planes"), tva1(), iop=(1, 0, 0, 0, math.cos(math.radians(15)), math.sin(math.radians(15))))
# a straight stack whose positions jitter by 1 micrometre (as written by scanners): not sheared
write(os.path.join(out, "jitter"), tva1(), shear=(0.0, 1e-3 / 9))
