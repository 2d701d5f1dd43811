/**
 * The runnable parts of the tutorial walkthroughs in notebooks/ that are not a convlab command: the convolution
 * arithmetic of walkthrough 1, computed through DL4J layers and checked against the output-size formula.
 * scripts/tutorial compiles and runs these classes; everything else the walkthroughs do goes through scripts/convlab.
 */
package dev.convlab.tutorials;
