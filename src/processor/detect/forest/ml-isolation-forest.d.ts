/**
 * Types for ml-isolation-forest 0.1.0, which ships none. Only a named export exists (the README's
 * default import fails). Described as the source is: nodes are plain objects, leaves keep their
 * slice of the training rows, and `predict` averages path lengths normalized by c(trainingSet.length).
 */
declare module 'ml-isolation-forest' {
  export interface IsolationTreeNode {
    depth?: number;
    maxDepth?: number;
    left?: IsolationTreeNode;
    right?: IsolationTreeNode;
    splitColumn?: number;
    splitValue?: number;
    /** Only on leaves: the training rows that ended there. */
    trainingSet?: number[][];
  }

  export interface IsolationForestOptions {
    nEstimators?: number;
  }

  export class IsolationForest {
    constructor(options?: IsolationForestOptions);
    nEstimators: number;
    forest: IsolationTreeNode[];
    trainingSet: number[][];
    train(trainingSet: number[][]): void;
    predict(data: readonly (readonly number[])[]): number[];
  }
}
