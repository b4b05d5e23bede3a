import { integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import type {
  CareerLinks,
  ClassificationMapping,
  Confidence,
  DistinctFrom,
  PayObservation,
  ProfileStatus,
  RubricRow,
  Skill,
  Statement,
  Transition,
} from '../core/taxonomy.js';

/** Drizzle's view of the tables that migrations/ creates; the SQL files are the source of truth. */

export const sources = pgTable('sources', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  kind: text('kind').notNull(),
  publisher: text('publisher'),
  url: text('url'),
  note: text('note'),
  origin: text('origin').notNull().default('builtin'),
});

export const functions = pgTable('functions', {
  code: text('code').primaryKey(),
  key: text('key').notNull().unique(),
  name: text('name').notNull(),
  description: text('description').notNull(),
  sources: jsonb('sources').$type<string[]>().notNull(),
  origin: text('origin').notNull().default('builtin'),
});

export const focuses = pgTable('focuses', {
  code: text('code').primaryKey(),
  key: text('key').notNull().unique(),
  functionCode: text('function_code').notNull(),
  name: text('name').notNull(),
  description: text('description').notNull(),
  distinctFrom: jsonb('distinct_from').$type<DistinctFrom[]>().notNull(),
  differential: jsonb('differential').$type<{ pay: boolean; skill: boolean; sources: string[] }>().notNull(),
  levelCodes: jsonb('level_codes').$type<string[]>().notNull(),
  skills: jsonb('skills').$type<Skill[]>().notNull(),
  mappings: jsonb('mappings').$type<ClassificationMapping[]>().notNull(),
  transitions: jsonb('transitions').$type<Transition[]>().notNull(),
  sources: jsonb('sources').$type<string[]>().notNull(),
  origin: text('origin').notNull().default('builtin'),
});

export const focusLevels = pgTable(
  'focus_levels',
  {
    focusCode: text('focus_code').notNull(),
    levelCode: text('level_code').notNull(),
    responsibilities: jsonb('responsibilities').$type<Statement[]>().notNull(),
    rubric: jsonb('rubric').$type<RubricRow>().notNull(),
    career: jsonb('career').$type<CareerLinks>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.focusCode, t.levelCode] })],
);

export const profiles = pgTable('profiles', {
  code: text('code').primaryKey(),
  functionCode: text('function_code').notNull(),
  focusCode: text('focus_code').notNull(),
  levelCode: text('level_code').notNull(),
  status: text('status').$type<ProfileStatus>().notNull(),
  version: integer('version'),
  region: text('region').notNull(),
  confidence: jsonb('confidence').$type<Confidence | null>(),
  aliases: jsonb('aliases').$type<Statement[]>().notNull(),
  pay: jsonb('pay').$type<PayObservation[]>().notNull(),
  origin: text('origin').notNull().default('builtin'),
});

export const storeMeta = pgTable('store_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const schema = { sources, functions, focuses, focusLevels, profiles, storeMeta };
