import { createEventTests } from '../suites/create-event.ts';

// the same tests against the Events API served from its own cloud assembly
createEventTests('cdk.out');
