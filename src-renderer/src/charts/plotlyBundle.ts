// The lazily loaded chunk: plotly's partial bundle with its stylesheet as a file (never injected inline).
import './plotly.css';
import Plotly from 'plotly.js-basic-dist-min';

export default Plotly;
