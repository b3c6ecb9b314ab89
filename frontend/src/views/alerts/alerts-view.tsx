export function AlertsView() {
  return <section className="view">alerts</section>;
}
