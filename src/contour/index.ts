/** The feature-scaling lab's surface for app/: 2-parameter quadratic losses, their contours and GD paths. */
export { scalingProblem, toRaw, toStandardized, type QuadraticLoss, type ScalingProblem, type Vec2 } from './quadratic.ts';
export { fitView, lossContours, type Contour, type View } from './levels.ts';
export { DEFAULT_DESCENT, descend, type DescentResult } from './descent.ts';
export { makeHouses } from './houses.ts';
