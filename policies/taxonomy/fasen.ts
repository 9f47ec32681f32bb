/** Phases of a casus, in order; covenant rules can limit a flow to some of them. */
export const fasen = ['aanmelding', 'triage', 'casusoverleg', 'plan-van-aanpak', 'monitoring', 'afgesloten'] as const;
export type Fase = (typeof fasen)[number];
