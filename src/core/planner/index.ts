export * from './campaign-progress';
export * from './days';
export * from './due-items';
export * from './outreach-per-week';
export * from './planner-index';
export * from './target-rows';
export * from './whip-count';
export * from './workspace';
