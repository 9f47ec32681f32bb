/** Kinds of organisation in a ZVH network; covenant rules can name a kind instead of one partner. */
export const partnerSoorten = [
  'zvh',
  'gemeente',
  'politie',
  'om',
  'reclassering',
  'rvdk',
  'dji',
  'veilig-thuis',
  'jeugdbescherming',
  'ggz',
  'verslavingszorg',
  'woningcorporatie',
  'overig',
] as const;
export type PartnerSoort = (typeof partnerSoorten)[number];

/** The legal regime a partner supplies under; it decides deadlines and grounds for subject rights. */
export const regimes = ['AVG', 'Wpg', 'Wjsg', 'Jeugdwet'] as const;
export type Regime = (typeof regimes)[number];
