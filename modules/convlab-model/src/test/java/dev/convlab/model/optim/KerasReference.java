package dev.convlab.model.optim;

/**
 * Keras 3's optimizer steps (keras/src/optimizers/*.py, update_step), written out in plain double arithmetic for one
 * scalar parameter each. {@link #step} returns the amount Keras subtracts from the parameter at step t (from 1).
 */
interface KerasReference {
    double[] step(double[] g, int t);

    static KerasReference sgd(double lr, double momentum, boolean nesterov) {
        return new KerasReference() {
            double[] m;

            public double[] step(double[] g, int t) {
                m = m == null ? new double[g.length] : m;
                double[] out = new double[g.length];
                for (int i = 0; i < g.length; i++) {
                    if (momentum == 0) {
                        out[i] = lr * g[i];
                        continue;
                    }
                    m[i] = -g[i] * lr + m[i] * momentum;
                    out[i] = nesterov ? -(-g[i] * lr + m[i] * momentum) : -m[i];
                }
                return out;
            }
        };
    }

    static KerasReference rmsprop(double lr, double rho, double eps) {
        return new KerasReference() {
            double[] v;

            public double[] step(double[] g, int t) {
                v = v == null ? new double[g.length] : v;
                double[] out = new double[g.length];
                for (int i = 0; i < g.length; i++) {
                    v[i] = rho * v[i] + (1 - rho) * g[i] * g[i];
                    out[i] = lr * g[i] / Math.sqrt(v[i] + eps);
                }
                return out;
            }
        };
    }

    static KerasReference adagrad(double lr, double initial, double eps) {
        return new KerasReference() {
            double[] acc;

            public double[] step(double[] g, int t) {
                if (acc == null) {
                    acc = new double[g.length];
                    java.util.Arrays.fill(acc, initial);
                }
                double[] out = new double[g.length];
                for (int i = 0; i < g.length; i++) {
                    acc[i] += g[i] * g[i];
                    out[i] = lr * g[i] / Math.sqrt(acc[i] + eps);
                }
                return out;
            }
        };
    }

    static KerasReference adadelta(double lr, double rho, double eps) {
        return new KerasReference() {
            double[] accG;
            double[] accD;

            public double[] step(double[] g, int t) {
                accG = accG == null ? new double[g.length] : accG;
                accD = accD == null ? new double[g.length] : accD;
                double[] out = new double[g.length];
                for (int i = 0; i < g.length; i++) {
                    accG[i] = rho * accG[i] + (1 - rho) * g[i] * g[i];
                    double delta = -Math.sqrt(accD[i] + eps) * g[i] / Math.sqrt(accG[i] + eps);
                    accD[i] = rho * accD[i] + (1 - rho) * delta * delta;
                    out[i] = -lr * delta;
                }
                return out;
            }
        };
    }

    static KerasReference adam(double lr, double b1, double b2, double eps, boolean amsgrad) {
        return new KerasReference() {
            double[] m;
            double[] v;
            double[] vHat;

            public double[] step(double[] g, int t) {
                if (m == null) {
                    m = new double[g.length];
                    v = new double[g.length];
                    vHat = new double[g.length];
                }
                double alpha = lr * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
                double[] out = new double[g.length];
                for (int i = 0; i < g.length; i++) {
                    m[i] += (g[i] - m[i]) * (1 - b1);
                    v[i] += (g[i] * g[i] - v[i]) * (1 - b2);
                    vHat[i] = Math.max(vHat[i], v[i]);
                    out[i] = m[i] * alpha / (Math.sqrt(amsgrad ? vHat[i] : v[i]) + eps);
                }
                return out;
            }
        };
    }

    static KerasReference adamax(double lr, double b1, double b2, double eps) {
        return new KerasReference() {
            double[] m;
            double[] u;

            public double[] step(double[] g, int t) {
                if (m == null) {
                    m = new double[g.length];
                    u = new double[g.length];
                }
                double[] out = new double[g.length];
                for (int i = 0; i < g.length; i++) {
                    m[i] += (g[i] - m[i]) * (1 - b1);
                    u[i] = Math.max(b2 * u[i], Math.abs(g[i]));
                    out[i] = lr * m[i] / ((1 - Math.pow(b1, t)) * (u[i] + eps));
                }
                return out;
            }
        };
    }

    static KerasReference nadam(double lr, double b1, double b2, double eps) {
        return new KerasReference() {
            double[] m;
            double[] v;
            double uProduct = 1.0;

            public double[] step(double[] g, int t) {
                if (m == null) {
                    m = new double[g.length];
                    v = new double[g.length];
                }
                double ut = b1 * (1 - 0.5 * Math.pow(0.96, t));
                double ut1 = b1 * (1 - 0.5 * Math.pow(0.96, t + 1));
                uProduct *= ut; // Keras's _u_product, updated before the step
                double uProduct1 = uProduct * ut1;
                double[] out = new double[g.length];
                for (int i = 0; i < g.length; i++) {
                    m[i] += (g[i] - m[i]) * (1 - b1);
                    v[i] += (g[i] * g[i] - v[i]) * (1 - b2);
                    double mHat = ut1 * m[i] / (1 - uProduct1) + (1 - ut) * g[i] / (1 - uProduct);
                    double vHat = v[i] / (1 - Math.pow(b2, t));
                    out[i] = mHat * lr / (Math.sqrt(vHat) + eps);
                }
                return out;
            }
        };
    }
}
