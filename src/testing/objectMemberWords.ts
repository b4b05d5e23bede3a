/**
 * Words every plain JavaScript object answers to (its own members and its
 * prototype's). A title, heading or cell that reads like one must be treated as
 * any other word; a lookup in a plain object would find the member instead.
 */
export const OBJECT_MEMBER_WORDS = [
  'constructor',
  'Constructor',
  '__proto__',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'prototype',
  '__defineGetter__',
] as const;
