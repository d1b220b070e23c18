/**
 * Thrown when options are invalid, at construction time (`createSpamFilter`) or at the start of a
 * `classifyStatus` call, before any status is read. `option` names the offending option path.
 */
export class SpamFilterConfigError extends TypeError {
  override readonly name = 'SpamFilterConfigError'
  /** The option path, e.g. `thresholds.spam` or `weights["mention-density"]`. */
  readonly option: string

  constructor(option: string, problem: string) {
    super(`mastodon-spam-filter: option ${option} ${problem}`)
    this.option = option
  }
}
