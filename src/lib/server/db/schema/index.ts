// Every table, for drizzle-kit and for queries. Each tool keeps its tables in its own file.
export * from './core';
export * from './catalogue';
export * from './participation';
export * from './budget';
export * from './charter';
export * from './survey';
export * from './lab';
export * from './ballots';
export * from './api';
export * from './exports';
export * from './decision';
