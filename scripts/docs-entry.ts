export { rulePages } from './rule-docs.js';
export { configSchema } from 'coop-language';
