/**
 * The data-wait case: a generated image folder of 150x150 JPEG and PNG files, read through convlab's own data
 * path, and a clock on the time training spends blocked waiting for the next batch.
 */
package dev.convlab.bench.data;
