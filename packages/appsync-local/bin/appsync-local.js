#!/usr/bin/env node
// The package ships TypeScript sources; tsx runs them.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
