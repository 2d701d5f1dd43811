package dev.convlab.viz;

/**
 * Simonyan et al.'s saliency map: the gradient of a class score (before softmax) with respect to the input pixels,
 * its absolute value, the largest over the channels at each pixel, scaled so the largest is 1.
 *
 * @param heat   height x width values in 0..1, row by row
 * @param score  the class score at the image
 */
public record Saliency(float[] heat, int height, int width, double score) {

    public static Saliency of(InputGradient logits, Objective score, InputSpace space, double[] input) {
        InputGradient.Step step = logits.at(space.batch(input), score);
        double[] g = space.chw(step.gradient());
        int h = space.shape().height();
        int w = space.shape().width();
        int plane = h * w;
        float[] heat = new float[plane];
        float max = 0;
        for (int i = 0; i < plane; i++) {
            double m = 0;
            for (int c = 0; c < space.shape().channels(); c++) {
                m = Math.max(m, Math.abs(g[c * plane + i]));
            }
            heat[i] = (float) m;
            max = Math.max(max, heat[i]);
        }
        if (max > 0) {
            for (int i = 0; i < plane; i++) {
                heat[i] /= max;
            }
        }
        return new Saliency(heat, h, w, step.value());
    }
}
