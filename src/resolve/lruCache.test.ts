import { describe, expect, it } from 'vitest';
import { LruCache } from './lruCache.js';

describe('LruCache', () => {
  it('holds at most its limit, forgetting the least recently used first', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
  });

  it('replaces a value set again without growing', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('a', 2);
    expect(cache.size).toBe(1);
    expect(cache.get('a')).toBe(2);
  });

  it('makes a missing value once and remembers it', () => {
    const cache = new LruCache<string, number>(4);
    let made = 0;
    const make = () => ++made;
    expect(cache.getOrSet('x', make)).toBe(1);
    expect(cache.getOrSet('x', make)).toBe(1);
    expect(made).toBe(1);
  });

  it('takes user words as keys without meaning anything by them', () => {
    const cache = new LruCache<string, number>(2);
    expect(cache.get('__proto__')).toBeUndefined();
    cache.set('constructor', 1);
    expect(cache.get('constructor')).toBe(1);
  });

  it('refuses a limit under one', () => {
    expect(() => new LruCache(0)).toThrow(/at least one entry/);
  });
});
