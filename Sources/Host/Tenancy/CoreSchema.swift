import GRDB

/// Tables every tenant database has, whatever its modules: accounts, roles, sessions, audit log,
/// tenant settings, and the comments and suggestions citizens send about any module's items.
enum CoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("core/001-accounts-sessions-audit") { db in
            try db.create(table: "account") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("email", .text).notNull().unique().collate(.nocase)
                t.column("display_name", .text).notNull()
                t.column("password_hash", .text).notNull()
                t.column("created_at", .datetime).notNull()
            }
            try db.create(table: "role_grant") { t in
                t.column("account_id", .integer).notNull().references("account", onDelete: .cascade)
                t.column("role", .text).notNull().check(sql: "role IN ('admin','editor','moderator','citizen')")
                t.column("module", .text).notNull().defaults(to: "")
                t.primaryKey(["account_id", "role", "module"])
            }
            try db.create(table: "session") { t in
                t.primaryKey("token", .text)
                t.column("account_id", .integer).notNull().references("account", onDelete: .cascade)
                t.column("csrf", .text).notNull()
                t.column("expires_at", .datetime).notNull()
            }
            try db.create(index: "session_account", on: "session", columns: ["account_id"])
            try db.create(index: "session_expiry", on: "session", columns: ["expires_at"])
            try db.create(table: "audit_log") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("at", .datetime).notNull()
                t.column("account_id", .integer).references("account", onDelete: .setNull)
                t.column("actor_name", .text).notNull()
                t.column("module", .text).notNull()
                t.column("action", .text).notNull()
                t.column("item_type", .text).notNull()
                t.column("item_id", .text).notNull()
                t.column("summary", .text).notNull()
                t.column("changes", .text).notNull()
            }
            try db.create(index: "audit_item", on: "audit_log", columns: ["module", "item_type", "item_id", "at"])
        }
        migrator.registerMigration("core/002-feedback") { db in
            try db.create(table: "core_setting") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
            try db.create(table: "feedback") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("module", .text).notNull()
                t.column("item", .text).notNull()
                t.column("kind", .text).notNull().check(sql: "kind IN ('comment','suggestion')")
                t.column("body", .text).notNull()
                t.column("account_id", .integer).references("account", onDelete: .setNull)
                t.column("author_name", .text).notNull()
                // never shown publicly: lets staff reach an author without an account
                t.column("author_contact", .text).notNull().defaults(to: "")
                t.column("locale", .text).notNull()
                t.column("channel", .text).notNull().check(sql: "channel IN ('online','hearing','paper','email','phone')")
                t.column("entered_by", .integer).references("account", onDelete: .setNull)
                t.column("received_at", .datetime).notNull()
                t.column("edited_at", .datetime)
                t.column("hidden_at", .datetime)
                t.column("hidden_reason", .text)
                t.column("hidden_by", .integer).references("account", onDelete: .setNull)
                t.column("flags", .integer).notNull().defaults(to: 0)
                t.column("body_hash", .text).notNull()
                // a salted hash of the sender's address, for duplicate detection; the address itself is not kept
                t.column("client_key", .text).notNull().defaults(to: "")
            }
            try db.create(index: "feedback_item", on: "feedback", columns: ["module", "item", "received_at"])
            try db.create(index: "feedback_received", on: "feedback", columns: ["received_at"])
            try db.create(index: "feedback_duplicate", on: "feedback", columns: ["body_hash", "received_at"])
            try db.create(index: "feedback_flagged", on: "feedback", columns: ["flags"], condition: Column("flags") > 0)
            try db.create(table: "feedback_revision") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("feedback_id", .integer).notNull().references("feedback", onDelete: .cascade)
                t.column("body", .text).notNull()
                t.column("replaced_at", .datetime).notNull()
            }
            try db.create(index: "feedback_revision_item", on: "feedback_revision", columns: ["feedback_id"])
            try db.create(table: "feedback_flag") { t in
                t.column("feedback_id", .integer).notNull().references("feedback", onDelete: .cascade)
                t.column("reporter_key", .text).notNull()
                t.column("reason", .text).notNull()
                t.column("flagged_at", .datetime).notNull()
                t.primaryKey(["feedback_id", "reporter_key"])
            }
            try db.create(table: "feedback_response") { t in
                t.primaryKey("feedback_id", .integer).references("feedback", onDelete: .cascade)
                t.column("outcome", .text).notNull()
                    .check(sql: "outcome IN ('adopted','partly_adopted','not_adopted','already_planned','out_of_scope')")
                t.column("reason", .text).notNull()
                t.column("target", .text)
                t.column("account_id", .integer).references("account", onDelete: .setNull)
                t.column("responder_name", .text).notNull()
                t.column("responded_at", .datetime).notNull()
            }
            try db.create(index: "feedback_response_outcome", on: "feedback_response", columns: ["outcome"])
        }
        migrator.registerMigration("core/003-figure-history") { db in
            // one value per figure and month; a month is written only while it is the current one,
            // so later edits or moderation never change a past month
            try db.create(table: "figure_history") { t in
                t.column("figure", .text).notNull()
                t.column("month", .text).notNull()
                t.column("value", .double).notNull()
                t.column("title", .text).notNull()
                t.column("unit", .text).notNull()
                t.column("recorded_at", .datetime).notNull()
                t.primaryKey(["figure", "month"])
            }
            try db.create(index: "figure_history_month", on: "figure_history", columns: ["month"])
        }
        migrator.registerMigration("core/004-search") { db in
            // text normalised by SearchText (Arabic letter forms); the tokenizer folds case and Latin accents
            try db.execute(sql: """
                CREATE VIRTUAL TABLE search_index USING fts5(
                  module UNINDEXED, kind UNINDEXED, key UNINDEXED, path UNINDEXED, display UNINDEXED, title, body,
                  tokenize = 'unicode61 remove_diacritics 2')
                """)
        }
        migrator.registerMigration("core/005-api-tokens") { db in
            try db.create(table: "api_token") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("account_id", .integer).notNull().references("account", onDelete: .cascade)
                t.column("name", .text).notNull()
                // SHA-256 of the token: the token itself is shown once and never stored
                t.column("token_hash", .text).notNull().unique()
                t.column("scopes", .text).notNull()
                t.column("created_at", .datetime).notNull()
                t.column("last_used_at", .datetime)
                t.column("revoked_at", .datetime)
            }
            try db.create(index: "api_token_account", on: "api_token", columns: ["account_id"])
        }
        migrator.registerMigration("core/006-search-stems") { db in
            // the original text (for snippets and exact matches, which rank first) beside the stems of
            // every word in its language (SearchText); rebuilt from the modules on the next search.
            // `site` and `origin`: the address and name of the instance an item of a commune's index comes from
            try db.execute(sql: "DROP TABLE search_index")
            try db.execute(sql: """
                CREATE VIRTUAL TABLE search_index USING fts5(
                  module UNINDEXED, kind UNINDEXED, key UNINDEXED, path UNINDEXED, display UNINDEXED, texts UNINDEXED,
                  site UNINDEXED, origin UNINDEXED, title, body, stems,
                  tokenize = 'unicode61 remove_diacritics 2')
                """)
        }
        migrator.registerMigration("core/007-answer-languages") { db in
            // an answer's reason is now given per language (LocalizedText as JSON); an earlier answer was
            // written in one language, taken to be the suggestion's own
            try db.execute(sql: """
                UPDATE feedback_response SET reason = json_object((SELECT locale FROM feedback f WHERE f.id = feedback_id), reason)
                """)
        }
        migrator.registerMigration("core/008-feedback-search") { db in
            // visible comments and suggestions with their answers, one row each (rowid = feedback id),
            // kept in step by FeedbackStore's writes (FeedbackSearch); filled here from what exists.
            // The searched columns are named as search_index's (title: the answer, body: the comment) so
            // one query (SearchText.Query.fts) reads both
            try db.execute(sql: """
                CREATE VIRTUAL TABLE feedback_search USING fts5(
                  module UNINDEXED, item UNINDEXED, kind UNINDEXED, locale UNINDEXED, answers UNINDEXED,
                  title, body, stems,
                  tokenize = 'unicode61 remove_diacritics 2')
                """)
            for id in try Int64.fetchAll(db, sql: "SELECT id FROM feedback WHERE hidden_at IS NULL") { try FeedbackSearch.index(db, id: id) }
        }
        migrator.registerMigration("core/009-outbox-password-reset") { db in
            // mail waiting to leave and the log of what left (Outbox), and single-use password reset
            // links, of which only a hash is kept (PasswordResets)
            try db.create(table: "outbox") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("recipient", .text).notNull()
                t.column("subject", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("message", .text).notNull()
                t.column("status", .text).notNull().check(sql: "status IN ('queued','sent','failed')")
                t.column("attempts", .integer).notNull()
                t.column("next_attempt_at", .datetime).notNull()
                t.column("last_error", .text)
                t.column("created_at", .datetime).notNull()
                t.column("sent_at", .datetime)
            }
            try db.create(index: "outbox_due", on: "outbox", columns: ["status", "next_attempt_at"])
            try db.create(table: "password_reset") { t in
                t.primaryKey("token_hash", .text)
                t.column("account_id", .integer).notNull().references("account", onDelete: .cascade)
                t.column("expires_at", .datetime).notNull()
                t.column("used_at", .datetime)
            }
            try db.create(index: "password_reset_account", on: "password_reset", columns: ["account_id"])
        }
        migrator.registerMigration("core/010-account-confirmation") { db in
            // an account made by registering confirms its address by a link; accounts that existed
            // (made by staff or the command line) count as confirmed. Links are kept as hashes only
            try db.alter(table: "account") { t in t.add(column: "confirmed_at", .datetime) }
            try db.execute(sql: "UPDATE account SET confirmed_at = created_at")
            try db.create(table: "account_confirmation") { t in
                t.primaryKey("token_hash", .text)
                t.column("account_id", .integer).notNull().references("account", onDelete: .cascade)
                t.column("expires_at", .datetime).notNull()
            }
            try db.create(index: "account_confirmation_account", on: "account_confirmation", columns: ["account_id"])
        }
        migrator.registerMigration("core/011-mail-preferences") { db in
            // what each account wants to be told by mail, by kind (MailPreferences); none stored = at once
            try db.create(table: "mail_preference") { t in
                t.column("account_id", .integer).notNull().references("account", onDelete: .cascade)
                t.column("kind", .text).notNull()
                t.column("mode", .text).notNull().check(sql: "mode IN ('immediate','never')")
                t.primaryKey(["account_id", "kind"])
            }
        }
        migrator.registerMigration("core/012-account-deactivation") { db in
            // an account an admin deactivated is kept (its contributions and history name it) but
            // cannot sign in, and its sessions and access tokens stop working
            try db.alter(table: "account") { t in t.add(column: "deactivated_at", .datetime) }
        }
        migrator.registerMigration("core/013-feedback-by-account") { db in
            // an account's own comments and suggestions, newest first, on its account page
            try db.create(index: "feedback_account", on: "feedback", columns: ["account_id", "received_at"])
        }
        migrator.registerMigration("core/014-email-change") { db in
            // a new address waiting for its confirmation link (EmailChanges), hashed
            try db.create(table: "email_change") { t in
                t.primaryKey("token_hash", .text)
                t.column("account_id", .integer).notNull().references("account", onDelete: .cascade)
                t.column("new_email", .text).notNull()
                t.column("expires_at", .datetime).notNull()
            }
            try db.create(index: "email_change_account", on: "email_change", columns: ["account_id"])
        }
        migrator.registerMigration("core/015-follows-digests") { db in
            // the language an account reads its mail in (set when it registers, follows or saves its
            // preferences); preferences gain the daily and weekly digests
            try db.alter(table: "account") { t in t.add(column: "locale", .text) }
            try db.rename(table: "mail_preference", to: "mail_preference_old")
            try db.create(table: "mail_preference") { t in
                t.column("account_id", .integer).notNull().references("account", onDelete: .cascade)
                t.column("kind", .text).notNull()
                t.column("mode", .text).notNull().check(sql: "mode IN ('immediate','daily','weekly','never')")
                t.primaryKey(["account_id", "kind"])
            }
            try db.execute(sql: "INSERT INTO mail_preference SELECT account_id, kind, mode FROM mail_preference_old")
            try db.drop(table: "mail_preference_old")
            // what each account follows (Follows): a module's public item named "<module>:<kind>:<key>"
            try db.create(table: "follow") { t in
                t.column("account_id", .integer).notNull().references("account", onDelete: .cascade)
                t.column("subject", .text).notNull()
                t.column("title", .text).notNull()
                t.column("path", .text).notNull()
                t.column("created_at", .datetime).notNull()
                t.primaryKey(["account_id", "subject"])
            }
            // a news's followers in account order, batch after batch
            try db.create(index: "follow_subject", on: "follow", columns: ["subject", "account_id"])
            // what happened to followed items, written by the change itself; its followers are told
            // after the answer has gone (FollowFanout), which moves fanned_to and stamps fanned_out_at
            // in the same transaction as the mail and digest lines it writes
            try db.create(table: "follow_news") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("subject", .text).notNull()
                t.column("title", .text).notNull()
                t.column("path", .text).notNull()
                t.column("headline", .text).notNull()
                t.column("detail", .text)
                t.column("at", .datetime).notNull()
                // the last follower (by account id) told so far: the fan-out goes in batches
                t.column("fanned_to", .integer).notNull().defaults(to: 0)
                t.column("fanned_out_at", .datetime)
            }
            try db.create(index: "follow_news_waiting", on: "follow_news", columns: ["fanned_out_at", "id"])
            // the subjects a piece of news reaches: its item, and what holds it (a commitment's plan)
            try db.create(table: "follow_news_subject") { t in
                t.column("news_id", .integer).notNull().references("follow_news", onDelete: .cascade)
                t.column("subject", .text).notNull()
                t.primaryKey(["subject", "news_id"])
            }
            // a line waiting for an account's next daily or weekly digest, in the account's language;
            // outbox_id is the digest that carries it (NULL: waiting, or given back when that digest failed)
            try db.create(table: "digest_item") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("account_id", .integer).notNull().references("account", onDelete: .cascade)
                t.column("cadence", .text).notNull().check(sql: "cadence IN ('daily','weekly')")
                t.column("group_key", .text).notNull()
                t.column("group_title", .text).notNull()
                t.column("group_path", .text).notNull()
                t.column("line", .text).notNull()
                t.column("at", .datetime).notNull()
                t.column("outbox_id", .integer)
            }
            try db.create(index: "digest_item_waiting", on: "digest_item", columns: ["outbox_id", "account_id", "cadence"])
            try db.create(index: "digest_item_outbox", on: "digest_item", columns: ["outbox_id"])
            // when each account's last digest of each cadence was queued
            try db.create(table: "digest_sent") { t in
                t.column("account_id", .integer).notNull().references("account", onDelete: .cascade)
                t.column("cadence", .text).notNull()
                t.column("at", .datetime).notNull()
                t.primaryKey(["account_id", "cadence"])
            }
        }
        migrator.registerMigration("core/016-feedback-notify") { db in
            // a visitor without an account who asked to hear of the answer: the address, once confirmed
            // through a link sent to it (FeedbackContact)
            try db.alter(table: "feedback") { t in
                t.add(column: "notify_email", .text)
                t.add(column: "notify_confirmed_at", .datetime)
            }
        }
        migrator.registerMigration("core/017-history-from-facts") { db in
            // the dashboard's months are rebuilt from dated facts (HostFigures.history): the values
            // recorded as they were seen are no longer read
            try db.drop(table: "figure_history")
        }
        migrator.registerMigration("core/018-proposal-title") { db in
            // a suggestion made on an item that takes proposals (a plan being drafted) has a title
            try db.alter(table: "feedback") { t in t.add(column: "title", .text) }
        }
        migrator.registerMigration("core/019-handover-fence") { db in
            // the last row a host writes before handing the tenant over to another (TenantHandover):
            // the new host serves the copy restored from the replica only once it holds this row
            try db.create(table: "handover_fence") { t in
                t.primaryKey("token", .text)
                t.column("written_at", .datetime).notNull()
            }
        }
        return migrator
    }
}
