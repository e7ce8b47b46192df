// IATI sectors (vocabulary 1: OECD DAC 5-digit purpose codes) that name a ctkg thematic area
// outright. Kept small on purpose: a code is listed only when its DAC name alone says the area;
// broad codes stay unmapped (15210 Security system management and reform spans police, military
// and borders; 15113 Anti-corruption, 15250 Removal of land mines and 15261 Child soldiers have no
// ctkg area; 15136 Immigration and 15137 Prisons are administration, not counter-terrorism work).
// Unmapped sectors are reported as warnings, and the reporter adds themes by an update.

/** DAC 5-digit purpose code → ctkg thematic-area key (seed/data/thematic-areas.json). */
export const DAC_SECTOR_THEMES: ReadonlyMap<string, string> = new Map([
  ['15130', 'criminal-justice'], // Legal and judicial development
  ['15131', 'criminal-justice'], // Justice, law and order policy, planning and administration
  ['15134', 'criminal-justice'], // Judicial affairs
  ['15132', 'border-management'], // Police: ctkg's area is "Border management and law enforcement"
  ['15160', 'human-rights'], // Human rights
  ['15162', 'human-rights'], // Human rights (withdrawn code, still in older files)
  ['15170', 'gender'], // Women's rights organisations and movements, and government institutions
  ['15164', 'gender'], // Women's equality organisations and institutions (withdrawn code)
  ['15180', 'gender'], // Ending violence against women and girls
  ['15220', 'conflict-prevention-peacebuilding'], // Civilian peace-building, conflict prevention and resolution
  ['15240', 'small-arms-explosives'], // Reintegration and SALW control
]);
