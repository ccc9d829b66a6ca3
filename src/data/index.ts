/** The data layer's surface for app/: the MNIST split's size, and the seeded synthetic sets (for app's tests). */
export { MNIST_TRAIN_COUNT } from './mnistSource.ts';
export { blobsSet, scalesSet } from './synthetic.ts';
