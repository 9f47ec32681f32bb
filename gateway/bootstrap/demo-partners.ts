/**
 * The partners of the embedded default: one organisation of every kind a ZVH works with, registered on
 * first start with a client certificate from the dev PKI. The OINs are made up (prefix 00000099, which
 * no real register hands out) so a demo can never be mistaken for a real organisation.
 */
export interface DemoPartner {
  id: string;
  naam: string;
  oin: string;
  soort: string;
  regime: 'AVG' | 'Wpg' | 'Wjsg' | 'Jeugdwet';
  contactNaam: string;
  contactEmail: string;
}

function partner(n: number, id: string, naam: string, soort: string, regime: DemoPartner['regime']): DemoPartner {
  return {
    id,
    naam,
    oin: `00000099${String(n).padStart(12, '0')}`,
    soort,
    regime,
    contactNaam: 'Functionaris gegevensbescherming',
    contactEmail: `privacy@${id}.demo.invalid`,
  };
}

export const demoPartners: readonly DemoPartner[] = Object.freeze([
  partner(1, 'zvh-demo', 'Zorg- en Veiligheidshuis Demo', 'zvh', 'AVG'),
  partner(2, 'gemeente-demo', 'Gemeente Demostad', 'gemeente', 'AVG'),
  partner(3, 'politie-demo', 'Politie eenheid Demo', 'politie', 'Wpg'),
  partner(4, 'om-demo', 'Openbaar Ministerie arrondissement Demo', 'om', 'Wjsg'),
  partner(5, 'reclassering-demo', 'Reclassering (3RO) Demo', 'reclassering', 'Wjsg'),
  partner(6, 'rvdk-demo', 'Raad voor de Kinderbescherming Demo', 'rvdk', 'Jeugdwet'),
  partner(7, 'dji-demo', 'Penitentiaire Inrichting Demo', 'dji', 'Wjsg'),
  partner(8, 'veilig-thuis-demo', 'Veilig Thuis Demo', 'veilig-thuis', 'AVG'),
  partner(9, 'jeugdbescherming-demo', 'Jeugdbescherming Demo', 'jeugdbescherming', 'Jeugdwet'),
  partner(10, 'ggz-demo', 'GGZ Demo', 'ggz', 'AVG'),
  partner(11, 'verslavingszorg-demo', 'Verslavingszorg Demo', 'verslavingszorg', 'AVG'),
  partner(12, 'woningcorporatie-demo', 'Woningcorporatie Demo', 'woningcorporatie', 'AVG'),
]);
