// Builds seed/data/entities.json from the hand-curated vocabulary below. For each entity the
// script finds where the documents name it (key, name, aliases, extra match terms, Chinese name)
// and cites the first mention per document. Node built-ins only.
// Run from the repo root with the folder of source documents as argument or in CTKG_SOURCES:
//   CTKG_SOURCES=../shared/seeds npx tsx seed/curation/build-entities.ts
//   npx tsx seed/curation/build-entities.ts ../shared/seeds
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DOCS,
  loadDoc,
  matrixIndex,
  paragraphFor,
  sourcesDir,
  type Source,
} from './sources-lib.js';

type Kind =
  | 'un-secretariat'
  | 'un-agency-fund-programme'
  | 'un-peace-operation'
  | 'un-intergovernmental-body'
  | 'working-group'
  | 'international-organisation'
  | 'regional-organisation'
  | 'national-government'
  | 'think-tank'
  | 'civil-society'
  | 'academic'
  | 'private-sector'
  | 'other';
interface Def {
  key: string;
  name: string;
  kind: Kind;
  aliases?: string[];
  nameZh?: string;
  zhAliases?: string[];
  match?: string[]; // extra search terms (not aliases)
  compact?: { doc: string; para: string } | null;
  parent?: string;
  note?: string;
}

const A74 = 'A/74/677',
  A72 = 'A/72/840',
  A73 = 'A/73/866';
const C25 = { doc: A74, para: 'annex II, 1' }; // the 25 Compact entities that reported
const CWG = { doc: A72, para: '61' }; // chairs of CTITF working groups
const WGN =
  'Member by inference: A/72/840 para 61 names it as a chair of CTITF working groups (chairs are task-force entities).';

export const DEFS: Def[] = [
  // --- The Compact / CTITF and its machinery
  {
    key: 'GCTCC',
    name: 'United Nations Global Counter-Terrorism Coordination Compact',
    kind: 'other',
    aliases: [
      'CTITF',
      'Counter-Terrorism Implementation Task Force',
      'Global Compact',
      'Counter-Terrorism Compact',
      'Global Counter-Terrorism Coordination Compact',
      'Global Counter-Terrorism Compact Task Force',
      'United Nations Global Counter-Terrorism Coordination Compact Task Force',
    ],
    nameZh: '联合国全球反恐协调契约',
    zhAliases: ['反恐执行工作队', '反恐怖主义工作队', '全球反恐协调契约'],
    compact: null,
    note: 'The coordination framework itself; CTITF (2005) was replaced by the Compact (signed 23 Feb 2018; Compact Task Force replaced CTITF per the UNCCT 2018 report, Output 4.2). compactMember is not applicable. Membership as printed: 38 entities (A/72/840 para 57 and annex III, 9); 36 UN entities plus INTERPOL and WCO (A/73/866 para 8; UNCCT 2018 report, Output 4.2); 42 member or observer entities (A/74/677 para 58).',
  },
  {
    key: 'GCTCC-CC',
    name: 'Global Compact Coordination Committee',
    kind: 'other',
    aliases: [
      'Coordination Committee',
      'Global Counter-Terrorism Compact Coordination Committee',
      'UN Global Counter-Terrorism Compact Coordination Committee',
    ],
    parent: 'GCTCC',
    compact: null,
    note: 'Key coined: the documents use no acronym.',
  },
  {
    key: 'UNOCT',
    name: 'United Nations Office of Counter-Terrorism',
    kind: 'un-secretariat',
    aliases: [
      'OCT',
      'Office of Counter-Terrorism',
      'UN Office of Counter-Terrorism',
      'United Nations Office of Counter Terrorism',
      'CTITF Office',
      'Counter-Terrorism Implementation Task Force Office',
    ],
    nameZh: '反恐怖主义办公室',
    zhAliases: ['反恐办公室'],
    compact: C25,
    note: "The CTITF Office and UNCCT were transferred from DPA into UNOCT by A/RES/71/291 (UNCCT 2018 report, Output 4.2); 'CTITF Office' is kept as an alias.",
  },
  {
    key: 'UNCCT',
    name: 'United Nations Counter-Terrorism Centre',
    kind: 'un-secretariat',
    aliases: ['UN Counter-Terrorism Centre'],
    nameZh: '联合国反恐怖主义中心',
    zhAliases: ['反恐怖主义中心'],
    parent: 'UNOCT',
    compact: C25,
  },
  {
    key: 'CTC',
    name: 'Security Council Counter-Terrorism Committee',
    kind: 'un-intergovernmental-body',
    aliases: ['Counter-Terrorism Committee'],
    nameZh: '反恐怖主义委员会',
    parent: 'UNSC',
    compact: null,
  },
  {
    key: 'CTED',
    name: 'Counter-Terrorism Committee Executive Directorate',
    kind: 'un-secretariat',
    aliases: ['Counter-Terrorism Executive Directorate'],
    nameZh: '反恐怖主义委员会执行局',
    parent: 'CTC',
    compact: C25,
  },
  {
    key: 'UNSC',
    name: 'United Nations Security Council',
    kind: 'un-intergovernmental-body',
    aliases: ['Security Council', 'UN Security Council'],
    nameZh: '安全理事会',
    compact: null,
  },
  {
    key: 'UNGA',
    name: 'United Nations General Assembly',
    kind: 'un-intergovernmental-body',
    aliases: ['General Assembly'],
    nameZh: '大会',
    match: [],
    compact: null,
    note: "Key coined (documents write 'General Assembly').",
  },
  {
    key: 'HRC',
    name: 'Human Rights Council',
    kind: 'un-intergovernmental-body',
    aliases: ['UN Human Rights Council'],
    nameZh: '人权理事会',
    compact: null,
  },
  {
    key: 'SG',
    name: 'Secretary-General of the United Nations',
    kind: 'un-secretariat',
    aliases: ['Secretary-General', 'UN Secretary-General'],
    nameZh: '秘书长',
    compact: null,
    note: 'Issuer of the reports A/72/840, A/73/866 and A/74/677. Key coined.',
  },
  {
    key: '1540 Committee',
    name: 'Security Council Committee established pursuant to resolution 1540 (2004)',
    kind: 'un-intergovernmental-body',
    aliases: ['UNSCR 1540 Committee'],
    nameZh: '安全理事会第1540(2004)号决议所设委员会',
    parent: 'UNSC',
    compact: null,
  },
  {
    key: '1267 Committee',
    name: "Security Council ISIL (Da'esh) and Al-Qaida Sanctions Committee",
    kind: 'un-intergovernmental-body',
    aliases: ['ISIL and Al-Qaida Sanctions Committee', 'Al-Qaida Sanctions Committee'],
    parent: 'UNSC',
    compact: null,
    note: 'Key coined from the resolution number; the documents name it by its sanctions regime.',
  },
  {
    key: 'Monitoring Team',
    name: 'Analytical Support and Sanctions Monitoring Team (ISIL/Al-Qaida)',
    kind: 'un-secretariat',
    aliases: [
      'ISIL/Al-Qaida Analytical Support and Sanctions Monitoring Team',
      'Analytical Support and Sanctions Monitoring Team',
      'Sanctions Monitoring Team',
    ],
    parent: '1267 Committee',
    compact: C25,
  },
  {
    key: 'SR-CT',
    name: 'Special Rapporteur on the promotion and protection of human rights and fundamental freedoms while countering terrorism',
    kind: 'other',
    aliases: ['Special Rapporteur'],
    nameZh: '反恐中注意促进和保护人权和基本自由问题特别报告员',
    zhAliases: ['特别报告员'],
    parent: 'HRC',
    compact: C25,
    note: 'Key coined. A mandate holder appointed by the Human Rights Council.',
  },
  // --- Secretariat
  {
    key: 'UNODC',
    name: 'United Nations Office on Drugs and Crime',
    kind: 'un-secretariat',
    aliases: ['UN Office on Drugs and Crime'],
    nameZh: '联合国毒品和犯罪问题办公室',
    zhAliases: ['毒品和犯罪问题办公室'],
    compact: C25,
  },
  {
    key: 'OHCHR',
    name: 'Office of the United Nations High Commissioner for Human Rights',
    kind: 'un-secretariat',
    aliases: ['HCDH', 'United Nations High Commissioner for Human Rights'],
    nameZh: '联合国人权事务高级专员办事处',
    zhAliases: ['人权高专办'],
    compact: C25,
    note: 'HCDH (French acronym) is printed in the A/72/840 matrix (pillar I, serials 110, 111).',
  },
  {
    key: 'DPPA',
    name: 'Department of Political and Peacebuilding Affairs',
    kind: 'un-secretariat',
    aliases: ['DPA', 'Department of Political Affairs'],
    compact: C25,
    note: 'DPA was renamed DPPA in 2019; A/72/840 and the UNCCT 2018 report use DPA.',
  },
  {
    key: 'DPO',
    name: 'Department of Peace Operations',
    kind: 'un-secretariat',
    aliases: ['DPKO', 'Department of Peacekeeping Operations'],
    nameZh: '维持和平行动部',
    compact: null,
    note: 'DPKO was renamed DPO in 2019; the A/72/840 matrix uses DPKO. nameZh is the name A/72/840 prints for DPKO.',
  },
  {
    key: 'DPKO-DDR',
    name: 'DPKO Disarmament, Demobilization and Reintegration Section',
    kind: 'un-secretariat',
    parent: 'DPO',
    compact: null,
    note: "Only the acronym is printed (A/72/840 matrix); the full name is the curator's expansion.",
  },
  {
    key: 'DPKO-UNMAS',
    name: 'United Nations Mine Action Service',
    kind: 'un-secretariat',
    aliases: ['UNMAS'],
    parent: 'DPO',
    compact: null,
    note: 'Printed as DPKO-UNMAS in the A/72/840 matrix.',
  },
  {
    key: 'DPKO-OMA',
    name: 'DPKO Office of Military Affairs',
    kind: 'un-secretariat',
    aliases: ['OMA'],
    parent: 'DPO',
    compact: null,
    note: 'Only the acronym is printed (A/72/840 matrix, pillar II, serial 37).',
  },
  {
    key: 'DPKO-OROLSI',
    name: 'Office of Rule of Law and Security Institutions',
    kind: 'un-secretariat',
    aliases: ['OROLSI', 'DPKO-ORLSI'],
    nameZh: '维持和平行动部法治和安全机构厅',
    parent: 'DPO',
    compact: null,
    note: 'DPKO-ORLSI (matrix pillar IV, serial 4) is read as a misprint of DPKO-OROLSI.',
  },
  {
    key: 'UNODA',
    name: 'United Nations Office for Disarmament Affairs',
    kind: 'un-secretariat',
    aliases: ['ODA', 'Office for Disarmament Affairs', 'UN Office for Disarmament Affairs'],
    nameZh: '裁军事务厅',
    compact: C25,
  },
  {
    key: 'DGC',
    name: 'Department of Global Communications',
    kind: 'un-secretariat',
    aliases: ['DPI', 'Department of Public Information'],
    nameZh: '新闻部',
    compact: C25,
    note: 'DPI (A/72/840) was renamed DGC in 2019.',
  },
  { key: 'OLA', name: 'Office of Legal Affairs', kind: 'un-secretariat', compact: C25 },
  {
    key: 'OCHA',
    name: 'Office for the Coordination of Humanitarian Affairs',
    kind: 'un-secretariat',
    compact: C25,
  },
  {
    key: 'OSAPG',
    name: 'Office on Genocide Prevention and the Responsibility to Protect',
    kind: 'un-secretariat',
    aliases: [
      "Office of the Secretary-General's Special Adviser for the Prevention of Genocide",
      'UN Office on Genocide Prevention and the Responsibility to Protect',
      'United Nations Office on Genocide Prevention and the Responsibility to Protect',
    ],
    compact: C25,
    note: 'Key coined (no acronym printed).',
  },
  {
    key: 'SRSG-VAC',
    name: 'Office of the Special Representative of the Secretary-General on Violence against Children',
    kind: 'un-secretariat',
    aliases: [
      "Office of the Secretary-General's Special Representative on Violence against Children",
    ],
    compact: C25,
    note: 'Key coined (no acronym printed).',
  },
  {
    key: 'SRSG-SVC',
    name: 'Office of the Special Representative of the Secretary-General on Sexual Violence in Conflict',
    kind: 'un-secretariat',
    aliases: [
      "Office of the Secretary-General's Special Representative on Sexual Violence in Conflict",
    ],
    compact: C25,
    note: 'Key coined (no acronym printed).',
  },
  {
    key: 'DESA',
    name: 'Department of Economic and Social Affairs',
    kind: 'un-secretariat',
    compact: null,
  },
  {
    key: 'OICT',
    name: 'Office of Information and Communications Technology',
    kind: 'un-secretariat',
    compact: null,
  },
  {
    key: 'OIOS',
    name: 'Office of Internal Oversight Services',
    kind: 'un-secretariat',
    compact: null,
  },
  { key: 'UNEG', name: 'United Nations Evaluation Group', kind: 'other', compact: null },
  // --- Funds, programmes, agencies, institutes
  {
    key: 'UNDP',
    name: 'United Nations Development Programme',
    kind: 'un-agency-fund-programme',
    aliases: ['UN Development Programme'],
    nameZh: '联合国开发计划署',
    zhAliases: ['开发署'],
    compact: C25,
  },
  {
    key: 'UNESCO',
    name: 'United Nations Educational, Scientific and Cultural Organization',
    kind: 'un-agency-fund-programme',
    nameZh: '联合国教育、科学及文化组织',
    zhAliases: ['教科文组织'],
    compact: C25,
  },
  {
    key: 'UN-Women',
    name: 'United Nations Entity for Gender Equality and the Empowerment of Women',
    kind: 'un-agency-fund-programme',
    aliases: ['UN Women', 'UN WOMEN', 'UN Entity for Gender Equality and the Empowerment of Women'],
    nameZh: '联合国促进性别平等和增强妇女权能署',
    zhAliases: ['妇女署'],
    compact: C25,
  },
  {
    key: 'UNHCR',
    name: 'Office of the United Nations High Commissioner for Refugees',
    kind: 'un-agency-fund-programme',
    aliases: ['UN High Commissioner for Refugees', 'United Nations High Commissioner for Refugees'],
    compact: C25,
  },
  {
    key: 'UNITAR',
    name: 'United Nations Institute for Training and Research',
    kind: 'un-agency-fund-programme',
    compact: C25,
  },
  {
    key: 'UNICRI',
    name: 'United Nations Interregional Crime and Justice Research Institute',
    kind: 'un-agency-fund-programme',
    nameZh: '联合国区域间犯罪和司法研究所',
    compact: C25,
  },
  {
    key: 'UNAOC',
    name: 'United Nations Alliance of Civilizations',
    kind: 'un-secretariat',
    aliases: ['UNOAC', 'UN Alliance of Civilizations'],
    nameZh: '联合国不同文明联盟',
    compact: C25,
  },
  {
    key: 'UNICEF',
    name: "United Nations Children's Fund",
    kind: 'un-agency-fund-programme',
    aliases: ['United Nations Children Fund'],
    compact: null,
  },
  {
    key: 'UNFPA',
    name: 'United Nations Population Fund',
    kind: 'un-agency-fund-programme',
    compact: null,
  },
  {
    key: 'UNV',
    name: 'United Nations Volunteers',
    kind: 'un-agency-fund-programme',
    compact: null,
  },
  {
    key: 'UNU',
    name: 'United Nations University',
    kind: 'un-agency-fund-programme',
    compact: null,
  },
  {
    key: 'WFP',
    name: 'World Food Programme',
    kind: 'un-agency-fund-programme',
    aliases: ['PAM'],
    compact: null,
    note: 'Printed only as the French acronym PAM (Programme alimentaire mondial) in the A/72/840 matrix (pillar I, serial 111).',
  },
  {
    key: 'ILO',
    name: 'International Labour Organization',
    kind: 'un-agency-fund-programme',
    compact: null,
  },
  { key: 'WHO', name: 'World Health Organization', kind: 'un-agency-fund-programme', compact: C25 },
  {
    key: 'ICAO',
    name: 'International Civil Aviation Organization',
    kind: 'un-agency-fund-programme',
    nameZh: '国际民用航空组织',
    compact: C25,
  },
  {
    key: 'IMO',
    name: 'International Maritime Organization',
    kind: 'un-agency-fund-programme',
    nameZh: '国际海事组织',
    compact: null,
  },
  { key: 'UPU', name: 'Universal Postal Union', kind: 'un-agency-fund-programme', compact: null },
  {
    key: 'IOM',
    name: 'International Organization for Migration',
    kind: 'international-organisation',
    compact: null,
  },
  {
    key: 'IAEA',
    name: 'International Atomic Energy Agency',
    kind: 'international-organisation',
    nameZh: '国际原子能机构',
    compact: CWG,
    note: WGN,
  },
  {
    key: 'OPCW',
    name: 'Organisation for the Prohibition of Chemical Weapons',
    kind: 'international-organisation',
    aliases: ['Organization for the Prohibition of Chemical Weapons'],
    nameZh: '禁止化学武器组织',
    compact: C25,
  },
  {
    key: 'INTERPOL',
    name: 'International Criminal Police Organization',
    kind: 'international-organisation',
    nameZh: '国际刑事警察组织',
    zhAliases: ['国际刑警组织'],
    compact: { doc: A73, para: '8' },
  },
  {
    key: 'WCO',
    name: 'World Customs Organization',
    kind: 'international-organisation',
    nameZh: '世界海关组织',
    compact: { doc: A73, para: '8' },
  },
  {
    key: 'BWC-ISU',
    name: 'Biological Weapons Convention Implementation Support Unit',
    kind: 'other',
    compact: null,
  },
  // --- Peace operations and political missions
  {
    key: 'MINUSMA',
    name: 'United Nations Multidimensional Integrated Stabilization Mission in Mali',
    kind: 'un-peace-operation',
    compact: null,
  },
  {
    key: 'MINUSCA',
    name: 'United Nations Multidimensional Integrated Stabilization Mission in the Central African Republic',
    kind: 'un-peace-operation',
    compact: null,
  },
  {
    key: 'MONUSCO',
    name: 'United Nations Organization Stabilization Mission in the Democratic Republic of the Congo',
    kind: 'un-peace-operation',
    compact: null,
  },
  {
    key: 'UNSOM',
    name: 'United Nations Assistance Mission in Somalia',
    kind: 'un-peace-operation',
    compact: null,
  },
  {
    key: 'UNAMA',
    name: 'United Nations Assistance Mission in Afghanistan',
    kind: 'un-peace-operation',
    compact: null,
  },
  {
    key: 'UNAMI',
    name: 'United Nations Assistance Mission for Iraq',
    kind: 'un-peace-operation',
    compact: null,
  },
  {
    key: 'UNOWAS',
    name: 'United Nations Office for West Africa and the Sahel',
    kind: 'un-peace-operation',
    compact: null,
  },
  {
    key: 'UNRCCA',
    name: 'United Nations Regional Centre for Preventive Diplomacy for Central Asia',
    kind: 'un-peace-operation',
    aliases: ['United Nations Regional Centre for Preventive Diplomacy in Central Asia'],
    compact: null,
  },
  {
    key: 'UNOCA',
    name: 'United Nations Regional Office for Central Africa',
    kind: 'un-peace-operation',
    compact: null,
    note: 'Acronym not printed; key is the usual UN acronym.',
  },
  {
    key: 'UNSAC',
    name: 'United Nations Standing Advisory Committee on Security Questions in Central Africa',
    kind: 'un-intergovernmental-body',
    aliases: ['United Nations Standing Advisory Committee on Security Questions'],
    compact: null,
    note: 'Acronym not printed; key coined.',
  },
  {
    key: 'UNITAD',
    name: "United Nations Investigative Team to Promote Accountability for Crimes Committed by Da'esh/ISIL",
    kind: 'un-secretariat',
    aliases: ['United Nations Investigative Team to Promote Accountability for Crimes Committed'],
    compact: null,
  },
  {
    key: 'UNLIREC',
    name: 'United Nations Regional Centre for Peace, Disarmament and Development in Latin America and the Caribbean',
    kind: 'un-secretariat',
    parent: 'UNODA',
    compact: null,
  },
  {
    key: 'UNOSSC',
    name: 'United Nations Office for South-South Cooperation',
    kind: 'un-agency-fund-programme',
    compact: null,
  },
  // --- Regional and other intergovernmental organisations
  {
    key: 'EU',
    name: 'European Union',
    kind: 'regional-organisation',
    nameZh: '欧洲联盟',
    compact: null,
  },
  { key: 'AU', name: 'African Union', kind: 'regional-organisation', compact: null },
  {
    key: 'CAERT',
    name: 'African Centre for the Study and Research on Terrorism',
    kind: 'regional-organisation',
    parent: 'AU',
    compact: null,
  },
  {
    key: 'LAS',
    name: 'League of Arab States',
    kind: 'regional-organisation',
    aliases: ['Arab League'],
    compact: null,
  },
  {
    key: 'IGAD',
    name: 'Intergovernmental Authority on Development',
    kind: 'regional-organisation',
    compact: null,
  },
  {
    key: 'SADC',
    name: 'Southern African Development Community',
    kind: 'regional-organisation',
    aliases: ['Southern Africa Development Community'],
    compact: null,
  },
  {
    key: 'ECOWAS',
    name: 'Economic Community of West African States',
    kind: 'regional-organisation',
    compact: null,
  },
  {
    key: 'ECCAS',
    name: 'Economic Community of Central African States',
    kind: 'regional-organisation',
    compact: null,
  },
  { key: 'GGC', name: 'Gulf of Guinea Commission', kind: 'regional-organisation', compact: null },
  {
    key: 'LCBC',
    name: 'Lake Chad Basin Commission',
    kind: 'regional-organisation',
    compact: null,
    note: 'Acronym not printed; key coined.',
  },
  {
    key: 'G5 Sahel',
    name: 'Group of Five for the Sahel',
    kind: 'regional-organisation',
    aliases: [
      'G5 Sahel Permanent Secretariat',
      'Group of Five Sahel',
      'Group of Five for the Sahel',
    ],
    compact: null,
  },
  {
    key: 'ASEAN',
    name: 'Association of Southeast Asian Nations',
    kind: 'regional-organisation',
    compact: null,
  },
  {
    key: 'OSCE',
    name: 'Organization for Security and Co-operation in Europe',
    kind: 'regional-organisation',
    aliases: ['Organization for Security and Cooperation in Europe'],
    compact: null,
  },
  {
    key: 'OAS',
    name: 'Organization of American States',
    kind: 'regional-organisation',
    compact: null,
  },
  {
    key: 'CoE',
    name: 'Council of Europe',
    kind: 'regional-organisation',
    compact: null,
    note: 'Key coined.',
  },
  {
    key: 'OIC',
    name: 'Organization of Islamic Cooperation',
    kind: 'international-organisation',
    compact: null,
  },
  {
    key: 'SCO',
    name: 'Shanghai Cooperation Organization',
    kind: 'regional-organisation',
    compact: null,
  },
  { key: 'CARICOM', name: 'Caribbean Community', kind: 'regional-organisation', compact: null },
  {
    key: 'CAMI',
    name: 'Council of Arab Ministers of the Interior',
    kind: 'regional-organisation',
    compact: null,
    note: 'Key coined.',
  },
  { key: 'PIF', name: 'Pacific Islands Forum', kind: 'regional-organisation', compact: null },
  { key: 'ARF', name: 'ASEAN Regional Forum', kind: 'regional-organisation', compact: null },
  {
    key: 'APG',
    name: 'Asia/Pacific Group on Money Laundering',
    kind: 'regional-organisation',
    compact: null,
  },
  {
    key: 'ESAAMLG',
    name: 'Eastern and Southern Africa Anti-Money Laundering Group',
    kind: 'regional-organisation',
    aliases: ['Southern Africa Anti-Money Laundering Group'],
    compact: null,
    note: "A/74/677 prints 'Southern Africa Anti-Money Laundering Group'; the key is the group's usual acronym.",
  },
  {
    key: 'RACVIAC',
    name: 'RACVIAC – Centre for Security Cooperation',
    kind: 'regional-organisation',
    compact: null,
  },
  {
    key: 'NATO',
    name: 'North Atlantic Treaty Organization',
    kind: 'regional-organisation',
    compact: null,
  },
  {
    key: 'OIF',
    name: 'International Organization of La Francophonie',
    kind: 'international-organisation',
    aliases: ['IOF', 'Organisation internationale de la Francophonie'],
    compact: null,
  },
  {
    key: 'FATF',
    name: 'Financial Action Task Force',
    kind: 'international-organisation',
    compact: null,
  },
  {
    key: 'GCTF',
    name: 'Global Counterterrorism Forum',
    kind: 'international-organisation',
    nameZh: '全球反恐论坛',
    compact: null,
  },
  {
    key: 'GICNT',
    name: 'Global Initiative to Combat Nuclear Terrorism',
    kind: 'international-organisation',
    compact: null,
  },
  {
    key: 'IPU',
    name: 'Inter-Parliamentary Union',
    kind: 'international-organisation',
    compact: null,
  },
  {
    key: 'CIS',
    name: 'Commonwealth of Independent States',
    kind: 'regional-organisation',
    compact: null,
    note: 'Acronym not printed; key coined.',
  },
  {
    key: 'CSTO',
    name: 'Collective Security Treaty Organization',
    kind: 'regional-organisation',
    compact: null,
    note: 'Acronym not printed; key coined.',
  },
  {
    key: 'GCC',
    name: 'Gulf Cooperation Council',
    kind: 'regional-organisation',
    compact: null,
    note: 'Acronym not printed; key coined.',
  },
  {
    key: 'PAM-Med',
    name: 'Parliamentary Assembly of the Mediterranean',
    kind: 'regional-organisation',
    nameZh: '地中海议会大会',
    compact: null,
    note: 'Named only in Chinese in A/72/840 para 51; key coined (PAM in the matrix means WFP).',
  },
  {
    key: 'ICRC',
    name: 'International Committee of the Red Cross',
    kind: 'international-organisation',
    compact: null,
  },
  // --- Centres, think tanks, civil society, private sector, national bodies
  {
    key: 'GCCS',
    name: 'Global Center on Cooperative Security',
    kind: 'think-tank',
    compact: null,
    note: 'Publisher of Blue Sky V (2020), document 002; named as a partner in the A/72/840 matrix.',
  },
  {
    key: 'ICCT',
    name: 'International Centre for Counter-Terrorism – The Hague',
    kind: 'think-tank',
    aliases: [
      'The International Centre for Counter-Terrorism — The Hague (ICCT)',
      'International Centre for Counter-Terrorism — The Hague',
      'International Center for Counter-Terrorism – The Hague',
    ],
    compact: null,
  },
  {
    key: 'Hedayah',
    name: 'Hedayah, International Center of Excellence for Countering Violent Extremism',
    kind: 'international-organisation',
    compact: null,
  },
  {
    key: 'AHJUCAF',
    name: 'Association of Francophone Supreme Courts',
    kind: 'civil-society',
    aliases: [
      'the Association of Francophone Supreme Courts',
      'Association of the Francophone Supreme Courts',
    ],
    compact: null,
    note: "Key is the association's French acronym, not printed in the documents.",
  },
  {
    key: 'IAP',
    name: 'International Association of Prosecutors',
    kind: 'civil-society',
    compact: null,
  },
  {
    key: 'IATA',
    name: 'International Air Transport Association',
    kind: 'private-sector',
    compact: null,
  },
  { key: 'ACI', name: 'Airports Council International', kind: 'private-sector', compact: null },
  { key: 'WEF', name: 'World Economic Forum', kind: 'international-organisation', compact: null },
  {
    key: 'Tech Against Terrorism',
    name: 'Tech Against Terrorism',
    kind: 'civil-society',
    aliases: ['Tech against Terrorism'],
    compact: null,
  },
  {
    key: 'GIFCT',
    name: 'Global Internet Forum to Counter Terrorism',
    kind: 'private-sector',
    nameZh: '全球互联网反恐论坛',
    compact: null,
  },
  {
    key: 'Biometrics Institute',
    name: 'Biometrics Institute',
    kind: 'civil-society',
    compact: null,
  },
  {
    key: 'GCTRN',
    name: 'Global Counter-Terrorism Research Network',
    kind: 'academic',
    compact: null,
    note: 'Key coined.',
  },
  {
    key: 'Abat Oliba CEU University',
    name: 'Abat Oliba CEU University',
    kind: 'academic',
    compact: null,
  },
  {
    key: 'PMYP',
    name: "Prime Minister's Youth Programme (Pakistan)",
    kind: 'national-government',
    compact: null,
    note: 'Only the acronym is printed (matrix pillar I, serial 14); expansion by the curator.',
  },
  {
    key: 'NACTA',
    name: 'National Counter Terrorism Authority (Pakistan)',
    kind: 'national-government',
    aliases: ['National Counter Terrorism Authority'],
    compact: null,
    note: 'Acronym not printed; key coined.',
  },
  // --- Working groups (CTITF / Compact)
  {
    key: 'WG-Border',
    name: 'Working Group on Border Management and Law Enforcement Relating to Terrorism',
    kind: 'working-group',
    aliases: [
      'Compact Working Group on Border Management and Law Enforcement related to Counter-Terrorism',
      'Global Compact Working Group on Border Management and Law Enforcement',
    ],
    nameZh: '与反恐有关的边境管理和执法工作组',
    parent: 'GCTCC',
    compact: null,
  },
  {
    key: 'WG-Victims',
    name: 'Working Group on Supporting and Highlighting Victims of Terrorism',
    kind: 'working-group',
    aliases: ['CTITF Working Group on Victims of Terrorism'],
    nameZh: '支助和关注恐怖主义受害者工作组',
    parent: 'GCTCC',
    compact: null,
  },
  {
    key: 'WG-HumanRights',
    name: 'Working Group on Promoting and Protecting Human Rights and the Rule of Law while Countering Terrorism',
    kind: 'working-group',
    aliases: [
      'CTITF Working Group on Protecting Human Rights while Countering Terrorism',
      'CTITF Working Group on Promoting and Protecting Human Rights and the Rule of Law while Countering Terrorism',
      'Compact Working Group on Promoting and Protecting Human Rights and the Rule of Law while Countering Terrorism',
      'Global Compact Working Group on Promoting and Protecting Human Rights and the Rule',
      'UN Inter-Agency Working Group on Promoting and Protecting Human Rights and the Rule',
    ],
    parent: 'GCTCC',
    compact: null,
  },
  {
    key: 'WG-Gender',
    name: 'Working Group on Gender-Sensitive Approach to Preventing and Countering Terrorism',
    kind: 'working-group',
    aliases: [
      'CTITF Working Group on adopting a Gender Sensitive Approach to Preventing and Countering Terrorism',
      'Compact Working Group on Gender Sensitive Approach to Preventing and Countering Terrorism',
      'Global Compact Working Group on Gender Sensitive Approach to Preventing and Countering Terrorism',
    ],
    parent: 'GCTCC',
    compact: null,
  },
  {
    key: 'WG-WMD',
    name: 'Working Group on Preventing and Responding to Weapons of Mass Destruction Attacks',
    kind: 'working-group',
    aliases: [
      'CTITF Working Group on preventing and responding to WMD attacks',
      'Compact Working Group on Preventing and Responding to WMD Terrorist Attacks',
      'Global Compact Working Group on Preventing and Responding to WMD Terrorist Attacks',
    ],
    parent: 'GCTCC',
    compact: null,
  },
  {
    key: 'WG-Communications',
    name: 'Working Group on Communications',
    kind: 'working-group',
    aliases: [
      'CTITF Inter-Agency Working Group on Communications',
      'Inter-Agency Working Group on Communications',
      'Compact Working Group on Communications',
      'Global Compact Working Group on Communications',
    ],
    parent: 'GCTCC',
    compact: null,
  },
  {
    key: 'WG-Strategies',
    name: 'Working Group on National and Regional Counter-Terrorism Strategies',
    kind: 'working-group',
    aliases: [
      'Compact Working Group on National and Regional Strategies',
      'Global Compact Working Group on National and Regional Strategies',
    ],
    parent: 'GCTCC',
    compact: null,
  },
  {
    key: 'WG-CriticalInfrastructure',
    name: 'Working Group on Protection of Critical Infrastructure, including the Internet, Vulnerable Targets and Tourism Security',
    kind: 'working-group',
    aliases: [
      'Compact Working Group on the Protection of Critical Infrastructure Including Internet, Vulnerable Targets and Tourism',
      'Global Compact Working Group on the Protection of Critical Infrastructure Including Internet',
    ],
    parent: 'GCTCC',
    compact: null,
  },
  {
    key: 'WG-ResourceMobilization',
    name: 'Working Group on Resource Mobilization and Monitoring and Evaluation',
    kind: 'working-group',
    aliases: [
      'Global Compact Working Group on Resource Mobilization and Monitoring and Evaluation',
      'Compact Working Group on Resource Mobilization and Monitoring and Evaluation',
      'Working Group on Resource Mobilization, Monitoring and Evaluation',
    ],
    parent: 'GCTCC',
    compact: null,
  },
  {
    key: 'WG-Legal',
    name: 'Working Group on Legal and Criminal Justice Responses to Terrorism',
    kind: 'working-group',
    aliases: [],
    parent: 'GCTCC',
    compact: null,
  },
  {
    key: 'WG-PVE',
    name: 'Working Group on Preventing Violent Extremism and Conditions Conducive to the Spread of Terrorism',
    kind: 'working-group',
    aliases: [],
    match: [
      'dedicated interagency working group',
      'dedicated United Nations Global Counter-Terrorism Coordination Compact working group',
    ],
    parent: 'GCTCC',
    compact: null,
    note: 'A/74/677 (para 15; annex II, 5) refers to it as a dedicated Compact working group on preventing violent extremism.',
  },
  {
    key: 'WG-CFT',
    name: 'Working Group on Countering the Financing of Terrorism',
    kind: 'working-group',
    parent: 'GCTCC',
    compact: null,
  },
  {
    key: 'WG-FTF',
    name: 'Working Group on Foreign Terrorist Fighters',
    kind: 'working-group',
    parent: 'GCTCC',
    compact: null,
  },
  {
    key: 'HLAG-PVE',
    name: 'High-Level Action Group on Preventing Violent Extremism',
    kind: 'other',
    aliases: [
      "Secretary-General's High-Level Action Group on Preventing Violent Extremism",
      'high-level action group on the prevention of violent extremism',
    ],
    nameZh: '防止暴力极端主义高级别行动小组',
    compact: null,
    note: 'Key coined. Convened by the Secretary-General; UNOCT is its secretariat (A/72/840 para 54).',
  },
];

// ---------------------------------------------------------------------------------------------
function esc(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
const isZh = (s: string) => /[\u4e00-\u9fff]/.test(s);

function main() {
  const dir = sourcesDir();
  const docs = DOCS.map((d) => ({ ...d, lines: loadDoc(dir, d.id) }));
  const matrixDoc = docs.find((d) => d.id === '003');
  if (!matrixDoc) throw new Error('document 003 (A/72/840) is not in DOCS');
  const mx = matrixIndex(matrixDoc.lines);
  const allZh = DEFS.flatMap((d) =>
    [d.nameZh, ...(d.zhAliases ?? [])].filter((x): x is string => !!x),
  );

  const keys = new Set<string>();
  const out = DEFS.map((d) => {
    if (keys.has(d.key)) throw new Error('duplicate key ' + d.key);
    keys.add(d.key);
    const terms = [d.key, d.name, ...(d.aliases ?? []), ...(d.match ?? [])];
    const zh = [d.nameZh, ...(d.zhAliases ?? [])].filter((x): x is string => !!x);
    const res = terms
      .filter((t) => !isZh(t))
      .map((t) => new RegExp(`(?<![A-Za-z0-9-])${esc(t)}(?![A-Za-z0-9-])`));
    const sources: Source[] = [];
    const found = new Set<string>();
    for (const doc of docs) {
      for (const [i, l] of doc.lines.entries()) {
        let hit = res.some((r) => r.test(l));
        if (!hit && doc.id === '003' && i < 252) {
          for (const t of zh) {
            let p = l.indexOf(t);
            while (p >= 0) {
              // reject when a longer Chinese name of another entity covers this occurrence
              const covered = allZh.some(
                (u) => u.length > t.length && u.includes(t) && l.startsWith(u, p - u.indexOf(t)),
              );
              if (!covered) {
                hit = true;
                break;
              }
              p = l.indexOf(t, p + 1);
            }
            if (hit) break;
          }
        }
        if (hit) {
          for (const t of terms) if (!isZh(t) && l.includes(t)) found.add(t);
          sources.push({
            document: doc.key,
            paragraph: paragraphFor(doc.id, doc.lines, i + 1, mx),
          });
          break;
        }
      }
    }
    if (d.kind === 'working-group' && d.key !== 'WG-ResourceMobilization')
      sources.push({ document: A72, paragraph: 'annex IV, footnote 2' });
    if (
      d.compact &&
      !sources.some((s) => s.document === d.compact!.doc && s.paragraph === d.compact!.para)
    ) {
      sources.push({ document: d.compact.doc, paragraph: d.compact.para });
    }
    if (sources.length === 0) console.error(`WARN no mention found for ${d.key}`);
    const nameFound = docs.some((doc) => doc.lines.some((l) => l.includes(d.name)));
    const notes = [
      d.note,
      nameFound
        ? undefined
        : 'Full name not printed in the five documents; standard name supplied by the curator.',
    ].filter(Boolean);
    const rec: Record<string, unknown> = {
      key: d.key,
      name: d.name,
      ...(d.nameZh ? { nameZh: d.nameZh } : {}),
      aliases: [...(d.aliases ?? []), ...(d.zhAliases ?? [])],
      kind: d.kind,
      compactMember: d.compact ? true : null,
      ...(d.compact
        ? { compactSource: { document: d.compact.doc, paragraph: d.compact.para } }
        : {}),
      ...(d.parent ? { parent: d.parent } : {}),
      sources,
      illustrative: false,
      ...(notes.length ? { note: notes.join(' ') } : {}),
    };
    return rec;
  });
  for (const d of DEFS)
    if (d.parent && !keys.has(d.parent)) throw new Error(`bad parent ${d.parent}`);
  const here = dirname(fileURLToPath(import.meta.url));
  const target = join(here, '..', 'data', 'entities.json');
  writeFileSync(target, JSON.stringify(out, null, 2) + '\n');
  console.log(`wrote ${out.length} entities to ${target}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
