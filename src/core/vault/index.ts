export * from './vault';
export * from './duress-setting';
