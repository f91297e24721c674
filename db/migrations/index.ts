import type { Migration } from 'kysely/migration'
import * as createBlog from './2026_11_26_1900_create_blog'
import * as commenting from './2026_11_26_2000_commenting'
import * as auditLog from './2026_11_26_2100_audit_log'
import * as postRedirects from './2026_11_26_2200_post_redirects'
import * as searchAndAuthors from './2026_11_27_0000_search_and_authors'
import * as revisionsAndUploads from './2026_11_27_0100_revisions_and_uploads'
import * as wordpressImport from './2026_11_27_0200_wordpress_import'
import * as sharedCacheTags from './2026_11_27_0300_shared_cache_tags'
import * as authRowIds from './2026_12_01_2200_auth_row_ids'
import * as keptForms from './2026_12_02_0700_kept_forms'
import * as outgoingMail from './2026_12_02_0800_outgoing_mail'
import * as follows from './2026_12_02_0900_follows'
import * as writtenFirst from './2026_12_02_1000_written_first'
import * as mailDigest from './2026_12_02_1400_mail_digest'
import * as oldAddresses from './2026_12_02_1500_old_addresses'
import * as pinnedAndParents from './2026_12_02_1600_pinned_posts_and_parent_pages'
import * as mentions from './2026_12_02_1700_mentions'
import * as importJobs from './2026_12_02_1800_import_jobs'
import * as searchLanguage from './2026_12_03_0900_search_language'
import * as renderedHtml from './2026_12_07_1200_rendered_html'
import * as sessionCreatedAt from './2026_12_07_1300_session_created_at'
import * as writtenFirstFormTime from './2026_12_07_1310_written_first_form_time'
import * as commentDraftsToKeptForms from './2026_12_07_1700_comment_drafts_to_kept_forms'

/**
 * Every migration, by name. Listed here rather than read from the folder so the bundled server,
 * the CLI and the tests all run the same set. Append new ones; never rename or edit old ones.
 */
export const migrations: Record<string, Migration> = {
  '2026_11_26_1900_create_blog': createBlog,
  '2026_11_26_2000_commenting': commenting,
  '2026_11_26_2100_audit_log': auditLog,
  '2026_11_26_2200_post_redirects': postRedirects,
  '2026_11_27_0000_search_and_authors': searchAndAuthors,
  '2026_11_27_0100_revisions_and_uploads': revisionsAndUploads,
  '2026_11_27_0200_wordpress_import': wordpressImport,
  '2026_11_27_0300_shared_cache_tags': sharedCacheTags,
  '2026_12_01_2200_auth_row_ids': authRowIds,
  '2026_12_02_0700_kept_forms': keptForms,
  '2026_12_02_0800_outgoing_mail': outgoingMail,
  '2026_12_02_0900_follows': follows,
  '2026_12_02_1000_written_first': writtenFirst,
  '2026_12_02_1400_mail_digest': mailDigest,
  '2026_12_02_1500_old_addresses': oldAddresses,
  '2026_12_02_1600_pinned_posts_and_parent_pages': pinnedAndParents,
  '2026_12_02_1700_mentions': mentions,
  '2026_12_02_1800_import_jobs': importJobs,
  '2026_12_03_0900_search_language': searchLanguage,
  '2026_12_07_1200_rendered_html': renderedHtml,
  '2026_12_07_1300_session_created_at': sessionCreatedAt,
  '2026_12_07_1310_written_first_form_time': writtenFirstFormTime,
  '2026_12_07_1700_comment_drafts_to_kept_forms': commentDraftsToKeptForms,
}
