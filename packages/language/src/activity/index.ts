// The yearly report from real activity (issue 13): journal format, streaming reading, indicators,
// financing, and the report's document model and charts.
export * from './activity-types.js';
export * from './csv-stream.js';
export * from './journal-format.js';
export * from './journal.js';
export * from './legal-indicators.js';
export * from './financing.js';
export * from './protocol-info.js';
export * from './charts.js';
export * from './report-model.js';
