export function QualityView() {
  return <section className="view">quality</section>;
}
