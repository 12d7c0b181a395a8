import { createEventTests } from '../suites/create-event.ts';

createEventTests('model');
