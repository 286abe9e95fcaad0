// Large images are made small before preprocessing (a phone photo of 4000-8000 pixels a side holds a
// digit in far more pixels than the 20x20 input needs), each channel averaged over factor x factor
// blocks by the preprocessing module (assembly/shrink.ts), so alpha, luminance and polarity read as before.

/** Images are worked on at most this many pixels a side; larger ones are shrunk by a whole factor. */
export const WORK_SIDE = 1024;
/** A photo's ink map (an opaque image's, evened out) is worked on at most this many pixels a side. */
export const PHOTO_SIDE = 384;
