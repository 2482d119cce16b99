export { isLuhnValid, luhnCheckDigit, type LuhnBase } from './luhn.js';
export {
  parseIdentifier,
  type IdentifierRefusal,
  type IdentifierResult,
  type IdentifierRule,
  type ParseIdentifierOptions,
  type ParsedEid,
  type ParsedEsn,
  type ParsedIccid,
  type ParsedIdentifier,
  type ParsedImei,
  type ParsedMeid,
} from './identifiers.js';
export { pseudoEsnFromMeid } from './identifier-kinds.js';
export { splitScannedText } from './split-scan.js';
export { isGs1CheckDigitValid } from './box-barcodes.js';
export {
  classifyScan,
  type ClassifyScanOptions,
  type ScanAccepted,
  type ScanClassification,
  type ScanDuplicate,
  type ScanEntry,
  type ScanIgnored,
  type ScanIgnoreRule,
  type ScanRefused,
} from './classify-scan.js';
