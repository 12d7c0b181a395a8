import { attackMatrixTests } from '../suites/attack-matrix.ts';

attackMatrixTests('model');
