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
export { splitScannedText } from './split-scan.js';
