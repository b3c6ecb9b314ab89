export function SensorsView() {
  return <section className="view">sensors</section>;
}
