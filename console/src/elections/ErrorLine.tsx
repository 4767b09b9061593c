/** A form's or an action's refusal, in words a screen reader announces (role="alert"). */
export function ErrorLine({ error, testId }: { error?: string; testId?: string }) {
  return error ? (
    <p role="alert" className="wyt-error" data-testid={testId}>
      {error}
    </p>
  ) : null;
}
