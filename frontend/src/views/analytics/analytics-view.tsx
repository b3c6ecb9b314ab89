export function AnalyticsView() {
  return <section className="view">analytics</section>;
}
