import type { Review } from '../review/reviewProfile.js';
import type { ProfileContent } from './profileContent.js';

/** A profile's history as plain records: its approved versions, each frozen, and its one open draft. */

export interface ProfileVersion {
  profileCode: string;
  version: number;
  content: ProfileContent;
  contentHash: string;
  review: Review | null;
  approvedBy: string;
  approvedAt: string;
  note: string | null;
}

export type DraftStatus = 'draft' | 'in_review';

export interface Draft {
  profileCode: string;
  baseVersion: number | null;
  status: DraftStatus;
  content: ProfileContent;
  notes: string[];
  revision: number;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}
