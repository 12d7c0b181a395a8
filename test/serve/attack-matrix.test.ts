import { attackMatrixTests } from '../suites/attack-matrix.ts';

// the same matrix against the Events API served from its own cloud assembly
attackMatrixTests('cdk.out');
