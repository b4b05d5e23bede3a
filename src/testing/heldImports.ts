import type { Actor } from '../core/roles.js';
import { CompanyImports } from '../workflow/companyImports.js';
import type { CompanyImportOptions, ImportPreview } from '../workflow/companyWorkspace.js';

/**
 * The workspaces' company mapping, with a dry run that can be held part-way, as a large file's is
 * while it works, its progress watched as the page is told it, and the options of every store kept,
 * to see that the one shown is the one stored.
 */
export class HeldImports extends CompanyImports {
  hold: Promise<void> | null = null;
  watch: CompanyImportOptions['progress'] | null = null;
  stored: { options: CompanyImportOptions }[] = [];
  override store(
    actor: Actor,
    workspace: string,
    bytes: Uint8Array,
    file: string,
    options: CompanyImportOptions = {},
  ) {
    this.stored.push({ options });
    return super.store(actor, workspace, bytes, file, options);
  }
  override async preview(
    actor: Actor,
    workspace: string,
    bytes: Uint8Array,
    file: string,
    options: CompanyImportOptions = {},
  ): Promise<ImportPreview> {
    if (this.hold) {
      options.progress?.('matching titles', 250, 1000);
      await this.hold;
    }
    const { watch } = this;
    const progress = options.progress;
    if (!watch || !progress) return super.preview(actor, workspace, bytes, file, options);
    return super.preview(actor, workspace, bytes, file, {
      ...options,
      progress: (stage, done, total) => {
        progress(stage, done, total);
        watch(stage, done, total);
      },
    });
  }
}
