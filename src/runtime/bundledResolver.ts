import { readBundledOccupations } from '../resolve/bundledOccupations.js';
import { readBundledTitleModel } from '../resolve/bundledTitleModel.js';
import { OccupationIndex } from '../resolve/occupationIndex.js';
import { TitleModel } from '../resolve/titleModel.js';

/** With no release imported, the tables shipped in data/ serve: titles code on a fresh install. */
export async function bundledOccupationIndex(): Promise<OccupationIndex> {
  return new OccupationIndex(await readBundledOccupations());
}

export async function bundledTitleModel(): Promise<TitleModel> {
  return new TitleModel(await readBundledTitleModel());
}
