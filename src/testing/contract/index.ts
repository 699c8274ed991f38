export { attachContractRecorder, type ContractRecorder, type RecordedExchange } from './recorder';
export { validateExchange, getContractValidator, getResourceGraphValidator } from './validator';
export { formatIssues, type Exchange, type ExchangeResult, type ValidationIssue } from './validation-issues';
export { loadResourceGraphSpec, loadSpec, locateSharedDir, SPEC_API_VERSION } from './spec-loader';
export { KNOWN_DEVIATIONS, EXAMPLE_DEFECTS } from './known-deviations';
