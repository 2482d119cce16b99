/** Residential accounts are people (first, middle, last, suffix); business accounts are companies. */
export const CUSTOMER_CLASSES = ['RESIDENTIAL', 'BUSINESS'] as const;
export type CustomerClass = (typeof CUSTOMER_CLASSES)[number];
export const CUSTOMER_CLASS_LABELS: Record<CustomerClass, string> = { RESIDENTIAL: 'Residential', BUSINESS: 'Business' };

/** Pending until the first order completes, then Open; Closed by hand. Never edited freely. */
export const CUSTOMER_STATUSES = ['PROSPECT', 'PENDING', 'OPEN', 'CLOSED'] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];
export const CUSTOMER_STATUS_LABELS: Record<CustomerStatus, string> = {
  PROSPECT: 'Prospect',
  PENDING: 'Pending',
  OPEN: 'Open',
  CLOSED: 'Closed',
};

export const ACCOUNT_TYPES = ['STANDARD', 'PARENT', 'CHILD'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];
export const ACCOUNT_TYPE_LABELS: Record<AccountType, string> = { STANDARD: 'Standard', PARENT: 'Parent', CHILD: 'Child' };

export const CONTACT_TYPES = ['PRIMARY', 'BILLING', 'AUTHORIZED_USER', 'TECHNICAL', 'OTHER'] as const;
export type ContactType = (typeof CONTACT_TYPES)[number];
export const CONTACT_TYPE_LABELS: Record<ContactType, string> = {
  PRIMARY: 'Primary',
  BILLING: 'Billing',
  AUTHORIZED_USER: 'Authorized user',
  TECHNICAL: 'Technical',
  OTHER: 'Other',
};

/** Directory listing of the account's number: listed, unlisted (not printed, given by directory assistance) or non-published (neither). */
export const LISTING_TYPES = ['LISTED', 'UNLISTED', 'NON_PUBLISHED'] as const;
export type ListingType = (typeof LISTING_TYPES)[number];
export const LISTING_TYPE_LABELS: Record<ListingType, string> = { LISTED: 'Listed', UNLISTED: 'Unlisted', NON_PUBLISHED: 'Non-published' };

export const LANGUAGES = ['en', 'es', 'fr', 'zh', 'vi', 'ko', 'tl', 'ar', 'ru', 'pt'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_LABELS: Record<Language, string> = {
  en: 'English',
  es: 'Spanish',
  fr: 'French',
  zh: 'Chinese',
  vi: 'Vietnamese',
  ko: 'Korean',
  tl: 'Tagalog',
  ar: 'Arabic',
  ru: 'Russian',
  pt: 'Portuguese',
};

export const NAME_SUFFIXES = ['JR', 'SR', 'II', 'III', 'IV', 'V', 'MD', 'PHD', 'ESQ'] as const;

export const ADDRESS_KINDS = ['SERVICE', 'BILLING', 'LISTING', 'SHIPPING'] as const;
export type AddressKind = (typeof ADDRESS_KINDS)[number];
export const ADDRESS_KIND_LABELS: Record<AddressKind, string> = {
  SERVICE: 'Service Address',
  BILLING: 'Billing Address',
  LISTING: 'Listing Address',
  SHIPPING: 'Shipping Address',
};
