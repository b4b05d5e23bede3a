/**
 * Which function of an org chart each SOC 2018 occupation belongs to. SOC groups
 * work by what people do, not by the department they sit in, so the rules below
 * read SOC codes by prefix (the longest prefix wins) and move the occupations a
 * company files elsewhere: customer service representatives to support,
 * bookkeeping clerks to finance, HR assistants to people.
 */

export interface FunctionRule {
  key: string;
  code: string;
  name: string;
  description: string;
  /** SOC code prefixes, e.g. "29-" (a major group) or "43-4051" (one occupation). */
  prefixes: readonly string[];
}

export const FUNCTION_RULES: readonly FunctionRule[] = [
  {
    key: 'executive-and-general-management',
    code: 'EXECUT',
    name: 'Executive & General Management',
    description:
      'Chief executives, general and operations managers and other top officials who run whole organisations or several of their functions.',
    prefixes: ['11-1', '11-9199'],
  },
  {
    key: 'engineering',
    code: 'ENGINE',
    name: 'Engineering',
    description:
      'Software, hardware and physical engineering: developers, engineers, architects and surveyors, their technicians and drafters, and the managers of engineering work.',
    prefixes: ['15-1221', '15-1251', '15-1252', '15-1253', '15-1254', '17-', '11-9041'],
  },
  {
    key: 'data-and-analytics',
    code: 'DATANL',
    name: 'Data & Analytics',
    description: 'Data scientists, statisticians, operations research analysts and database architects.',
    prefixes: ['15-2031', '15-2041', '15-2051', '15-2098', '15-2099', '15-1243'],
  },
  {
    key: 'product-and-project-management',
    code: 'PRODCT',
    name: 'Product & Project Management',
    description:
      'People who plan and steer products, projects and programmes to delivery. SOC 2018 has no product-manager occupation; its project management specialists are the nearest.',
    prefixes: ['13-1082'],
  },
  {
    key: 'design',
    code: 'DESIGN',
    name: 'Design',
    description:
      'Commercial, graphic, interface, interior, fashion and set designers and the art directors who lead them.',
    prefixes: ['27-1011', '27-102', '15-1255'],
  },
  {
    key: 'it-and-security',
    code: 'ITSECR',
    name: 'IT & Security',
    description:
      'Systems analysts, network and systems administrators, support specialists, security analysts and the managers of information systems.',
    prefixes: ['15-12', '11-3021'],
  },
  {
    key: 'sales',
    code: 'SALESF',
    name: 'Sales',
    description:
      'Sales representatives, agents, brokers and sales engineers who sell to businesses and consumers outside stores, and the managers who lead them.',
    prefixes: ['41-1012', '41-3', '41-4', '41-9', '11-2022'],
  },
  {
    key: 'marketing-and-communications',
    code: 'MARKET',
    name: 'Marketing & Communications',
    description:
      'Marketing, advertising, public relations and fundraising: researchers, specialists and the managers of that work.',
    prefixes: ['11-2011', '11-2021', '11-2032', '11-2033', '13-1131', '13-1161', '27-3031', '41-9011'],
  },
  {
    key: 'customer-success-and-support',
    code: 'CUSTSP',
    name: 'Customer Success & Support',
    description:
      'Customer service representatives and the people who answer customers on behalf of an organisation.',
    prefixes: ['43-4051'],
  },
  {
    key: 'finance-and-accounting',
    code: 'FINANC',
    name: 'Finance & Accounting',
    description:
      'Accountants, auditors, financial analysts, actuaries, insurance and credit specialists, bookkeeping and payroll clerks, and financial managers.',
    prefixes: ['13-2', '15-2011', '11-3031', '13-1031', '13-1032', '43-3'],
  },
  {
    key: 'people-and-hr',
    code: 'PEOPLE',
    name: 'People & HR',
    description:
      'Human resources, compensation, labour relations and training specialists, HR assistants and the managers of people functions.',
    prefixes: ['11-311', '11-312', '11-313', '13-1071', '13-1075', '13-1141', '13-1151', '43-4161'],
  },
  {
    key: 'legal-and-compliance',
    code: 'LEGALC',
    name: 'Legal & Compliance',
    description:
      'Lawyers, judges, paralegals and legal support, compliance officers and occupational health and safety specialists.',
    prefixes: ['23-', '13-1041', '19-5'],
  },
  {
    key: 'operations-and-supply-chain',
    code: 'OPERAT',
    name: 'Operations & Supply Chain',
    description:
      'Purchasing, logistics, facilities, property and business operations: buyers, logisticians, management analysts, estimators, shipping and stock clerks, and their managers.',
    prefixes: ['13-1', '11-3013', '11-3061', '11-9141', '43-5', '11-3012'],
  },
  {
    key: 'healthcare',
    code: 'HEALTH',
    name: 'Healthcare',
    description:
      'Clinical work: physicians, nurses, therapists, pharmacists, technologists and technicians, healthcare support staff and health services managers.',
    prefixes: ['29-', '31-', '11-9111', '19-3031', '19-3039'],
  },
  {
    key: 'education-and-training',
    code: 'EDUCAT',
    name: 'Education & Training',
    description:
      'Teachers and instructors at every stage, librarians, curators and archivists, and education administrators.',
    prefixes: ['25-', '11-903'],
  },
  {
    key: 'science-and-research',
    code: 'SCIENC',
    name: 'Science & Research',
    description:
      'Life, physical and social scientists, mathematicians, their laboratory technicians and the managers of scientific work.',
    prefixes: ['19-', '15-2021', '11-9121'],
  },
  {
    key: 'skilled-trades-and-construction',
    code: 'TRADES',
    name: 'Skilled Trades & Construction',
    description:
      'Construction trades and extraction workers, their helpers and supervisors, and construction managers.',
    prefixes: ['47-', '11-9021'],
  },
  {
    key: 'manufacturing-and-production',
    code: 'MANUFA',
    name: 'Manufacturing & Production',
    description:
      'Assemblers, machinists, welders, food processing, printing, textile and woodworkers, plant operators, inspectors and production managers.',
    prefixes: ['51-', '11-3051'],
  },
  {
    key: 'installation-maintenance-and-repair',
    code: 'MAINTR',
    name: 'Installation, Maintenance & Repair',
    description:
      'Mechanics, installers and repairers of vehicles, equipment and buildings, and their supervisors.',
    prefixes: ['49-'],
  },
  {
    key: 'transportation-and-logistics',
    code: 'TRANSP',
    name: 'Transportation & Logistics',
    description:
      'Pilots, drivers, rail and water transportation workers, material movers, and the managers of transportation, storage and distribution.',
    prefixes: ['53-', '11-3071', '11-9131'],
  },
  {
    key: 'hospitality-and-food-service',
    code: 'HOSPIT',
    name: 'Hospitality & Food Service',
    description:
      'Cooks, chefs, food and beverage servers, lodging, gaming and recreation workers, tour guides and the managers of those businesses.',
    prefixes: ['35-', '11-9051', '11-9071', '11-9072', '11-9081', '39-3', '39-6', '39-7', '13-1121'],
  },
  {
    key: 'retail',
    code: 'RETAIL',
    name: 'Retail',
    description:
      'Cashiers, retail salespersons, counter and rental clerks, parts salespersons and their supervisors.',
    prefixes: ['41-1011', '41-2'],
  },
  {
    key: 'public-safety-and-security',
    code: 'SAFETY',
    name: 'Public Safety & Security',
    description:
      'Police, firefighters, correctional officers, security guards, emergency management and the military occupations SOC lists.',
    prefixes: ['33-', '11-9161', '55-'],
  },
  {
    key: 'arts-media-and-entertainment',
    code: 'ARTSME',
    name: 'Arts, Media & Entertainment',
    description:
      'Artists, performers, athletes and coaches, writers, editors, reporters, interpreters, broadcast and media equipment workers, and artists\u2019 agents.',
    prefixes: ['27-', '13-1011'],
  },
  {
    key: 'agriculture-and-environment',
    code: 'AGRICU',
    name: 'Agriculture & Environment',
    description: 'Farmers and agricultural managers, farm, fishing, forestry and conservation workers.',
    prefixes: ['45-', '11-9013', '13-1074'],
  },
  {
    key: 'administrative-support',
    code: 'ADMINS',
    name: 'Administrative Support',
    description:
      'Secretaries and administrative assistants, office, records and information clerks, and communications equipment operators.',
    prefixes: ['43-'],
  },
  {
    key: 'community-and-social-services',
    code: 'COMMUN',
    name: 'Community & Social Services',
    description:
      'Counselors, social workers, health educators, community workers, clergy and the managers of social services.',
    prefixes: ['21-', '11-9151'],
  },
  {
    key: 'personal-care-and-services',
    code: 'PERSON',
    name: 'Personal Care & Services',
    description:
      'Personal appearance, childcare, fitness, animal care and funeral service workers, and the managers of personal service businesses.',
    prefixes: ['39-', '11-9171', '11-9179'],
  },
  {
    key: 'facilities-and-grounds',
    code: 'FACILI',
    name: 'Facilities & Grounds',
    description:
      'Janitors, housekeepers, pest control and grounds maintenance workers and their supervisors.',
    prefixes: ['37-'],
  },
];

/** The function rule for a SOC 2018 detailed code: the one with the longest matching prefix. */
export function functionFor(soc: string): FunctionRule {
  let best: FunctionRule | null = null;
  let length = -1;
  for (const rule of FUNCTION_RULES) {
    for (const prefix of rule.prefixes) {
      if (soc.startsWith(prefix) && prefix.length > length) {
        best = rule;
        length = prefix.length;
      }
    }
  }
  // Management occupations no rule names fall to general management.
  return best ?? (FUNCTION_RULES[0] as FunctionRule);
}
