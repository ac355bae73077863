;; Squared Euclidean distances on 128-bit SIMD (two float64 lanes), bit for bit the same as
;; squaredDistance and squaredDistanceBelow in kmeans-state.ts: lanes (s0, s1) and (s2, s3)
;; are that code's four running sums, the tail goes into s0, and the total is (s0 + s1) + (s2 + s3).
;; Offsets are in bytes into the imported memory; d is the number of values per row.
(module
  (import "env" "memory" (memory 1 65536 shared))

  (func $distance (export "distance") (param $a i32) (param $b i32) (param $d i32) (result f64)
    (local $s01 v128) (local $s23 v128) (local $e v128) (local $end i32) (local $s0 f64) (local $x f64)
    (local.set $end (i32.add (local.get $a) (i32.shl (i32.and (local.get $d) (i32.const -4)) (i32.const 3))))
    (block $groups
      (loop $group
        (br_if $groups (i32.ge_u (local.get $a) (local.get $end)))
        (local.set $e (f64x2.sub (v128.load (local.get $a)) (v128.load (local.get $b))))
        (local.set $s01 (f64x2.add (local.get $s01) (f64x2.mul (local.get $e) (local.get $e))))
        (local.set $e (f64x2.sub (v128.load offset=16 (local.get $a)) (v128.load offset=16 (local.get $b))))
        (local.set $s23 (f64x2.add (local.get $s23) (f64x2.mul (local.get $e) (local.get $e))))
        (local.set $a (i32.add (local.get $a) (i32.const 32)))
        (local.set $b (i32.add (local.get $b) (i32.const 32)))
        (br $group)))
    (local.set $s0 (f64x2.extract_lane 0 (local.get $s01)))
    (local.set $end (i32.add (local.get $a) (i32.shl (i32.and (local.get $d) (i32.const 3)) (i32.const 3))))
    (block $tail
      (loop $value
        (br_if $tail (i32.ge_u (local.get $a) (local.get $end)))
        (local.set $x (f64.sub (f64.load (local.get $a)) (f64.load (local.get $b))))
        (local.set $s0 (f64.add (local.get $s0) (f64.mul (local.get $x) (local.get $x))))
        (local.set $a (i32.add (local.get $a) (i32.const 8)))
        (local.set $b (i32.add (local.get $b) (i32.const 8)))
        (br $value)))
    (f64.add
      (f64.add (local.get $s0) (f64x2.extract_lane 1 (local.get $s01)))
      (f64.add (f64x2.extract_lane 0 (local.get $s23)) (f64x2.extract_lane 1 (local.get $s23)))))

  ;; Gives up after every second group of four once the running total reaches $limit and
  ;; returns that partial total (a lower bound), exactly where squaredDistanceBelow does.
  (func $distanceBelow (export "distanceBelow") (param $a i32) (param $b i32) (param $d i32) (param $limit f64) (result f64)
    (local $s01 v128) (local $s23 v128) (local $e v128) (local $end i32) (local $s0 f64) (local $x f64) (local $odd i32) (local $sum f64)
    (local.set $end (i32.add (local.get $a) (i32.shl (i32.and (local.get $d) (i32.const -4)) (i32.const 3))))
    (block $groups
      (loop $group
        (br_if $groups (i32.ge_u (local.get $a) (local.get $end)))
        (local.set $e (f64x2.sub (v128.load (local.get $a)) (v128.load (local.get $b))))
        (local.set $s01 (f64x2.add (local.get $s01) (f64x2.mul (local.get $e) (local.get $e))))
        (local.set $e (f64x2.sub (v128.load offset=16 (local.get $a)) (v128.load offset=16 (local.get $b))))
        (local.set $s23 (f64x2.add (local.get $s23) (f64x2.mul (local.get $e) (local.get $e))))
        (local.set $a (i32.add (local.get $a) (i32.const 32)))
        (local.set $b (i32.add (local.get $b) (i32.const 32)))
        (if (local.get $odd)
          (then
            (local.set $sum
              (f64.add
                (f64.add (f64x2.extract_lane 0 (local.get $s01)) (f64x2.extract_lane 1 (local.get $s01)))
                (f64.add (f64x2.extract_lane 0 (local.get $s23)) (f64x2.extract_lane 1 (local.get $s23)))))
            (if (f64.ge (local.get $sum) (local.get $limit)) (then (return (local.get $sum))))))
        (local.set $odd (i32.xor (local.get $odd) (i32.const 1)))
        (br $group)))
    (local.set $s0 (f64x2.extract_lane 0 (local.get $s01)))
    (local.set $end (i32.add (local.get $a) (i32.shl (i32.and (local.get $d) (i32.const 3)) (i32.const 3))))
    (block $tail
      (loop $value
        (br_if $tail (i32.ge_u (local.get $a) (local.get $end)))
        (local.set $x (f64.sub (f64.load (local.get $a)) (f64.load (local.get $b))))
        (local.set $s0 (f64.add (local.get $s0) (f64.mul (local.get $x) (local.get $x))))
        (local.set $a (i32.add (local.get $a) (i32.const 8)))
        (local.set $b (i32.add (local.get $b) (i32.const 8)))
        (br $value)))
    (f64.add
      (f64.add (local.get $s0) (f64x2.extract_lane 1 (local.get $s01)))
      (f64.add (f64x2.extract_lane 0 (local.get $s23)) (f64x2.extract_lane 1 (local.get $s23)))))

  ;; Squared distances from row $a to rows $b and $c in one sweep (row $a is read once), each
  ;; bit for bit what "distance" gives; stored at $out and $out + 8.
  (func $distancePair (param $a i32) (param $b i32) (param $c i32) (param $d i32) (param $out i32)
    (local $b01 v128) (local $b23 v128) (local $c01 v128) (local $c23 v128) (local $x v128) (local $e v128)
    (local $end i32) (local $b0 f64) (local $c0 f64) (local $v f64) (local $f f64)
    (local.set $end (i32.add (local.get $a) (i32.shl (i32.and (local.get $d) (i32.const -4)) (i32.const 3))))
    (block $groups
      (loop $group
        (br_if $groups (i32.ge_u (local.get $a) (local.get $end)))
        (local.set $x (v128.load (local.get $a)))
        (local.set $e (f64x2.sub (local.get $x) (v128.load (local.get $b))))
        (local.set $b01 (f64x2.add (local.get $b01) (f64x2.mul (local.get $e) (local.get $e))))
        (local.set $e (f64x2.sub (local.get $x) (v128.load (local.get $c))))
        (local.set $c01 (f64x2.add (local.get $c01) (f64x2.mul (local.get $e) (local.get $e))))
        (local.set $x (v128.load offset=16 (local.get $a)))
        (local.set $e (f64x2.sub (local.get $x) (v128.load offset=16 (local.get $b))))
        (local.set $b23 (f64x2.add (local.get $b23) (f64x2.mul (local.get $e) (local.get $e))))
        (local.set $e (f64x2.sub (local.get $x) (v128.load offset=16 (local.get $c))))
        (local.set $c23 (f64x2.add (local.get $c23) (f64x2.mul (local.get $e) (local.get $e))))
        (local.set $a (i32.add (local.get $a) (i32.const 32)))
        (local.set $b (i32.add (local.get $b) (i32.const 32)))
        (local.set $c (i32.add (local.get $c) (i32.const 32)))
        (br $group)))
    (local.set $b0 (f64x2.extract_lane 0 (local.get $b01)))
    (local.set $c0 (f64x2.extract_lane 0 (local.get $c01)))
    (local.set $end (i32.add (local.get $a) (i32.shl (i32.and (local.get $d) (i32.const 3)) (i32.const 3))))
    (block $tail
      (loop $value
        (br_if $tail (i32.ge_u (local.get $a) (local.get $end)))
        (local.set $v (f64.load (local.get $a)))
        (local.set $f (f64.sub (local.get $v) (f64.load (local.get $b))))
        (local.set $b0 (f64.add (local.get $b0) (f64.mul (local.get $f) (local.get $f))))
        (local.set $f (f64.sub (local.get $v) (f64.load (local.get $c))))
        (local.set $c0 (f64.add (local.get $c0) (f64.mul (local.get $f) (local.get $f))))
        (local.set $a (i32.add (local.get $a) (i32.const 8)))
        (local.set $b (i32.add (local.get $b) (i32.const 8)))
        (local.set $c (i32.add (local.get $c) (i32.const 8)))
        (br $value)))
    (f64.store (local.get $out)
      (f64.add
        (f64.add (local.get $b0) (f64x2.extract_lane 1 (local.get $b01)))
        (f64.add (f64x2.extract_lane 0 (local.get $b23)) (f64x2.extract_lane 1 (local.get $b23)))))
    (f64.store offset=8 (local.get $out)
      (f64.add
        (f64.add (local.get $c0) (f64x2.extract_lane 1 (local.get $c01)))
        (f64.add (f64x2.extract_lane 0 (local.get $c23)) (f64x2.extract_lane 1 (local.get $c23))))))

  ;; The seeding's candidate pass (seedingPasses.evaluate in kmeans-plus-plus.ts) over rows
  ;; [$from, $to) of one block: each point's squared distance to every candidate (two at a
  ;; time, so the row is read once per pair), and gains[t] += own - sq where candidate t is
  ;; closer than the point's centre. No pruning: skipping far candidates saved arithmetic but
  ;; cost as much in mispredicted branches.
  (func (export "evaluate")
    (param $data i32) (param $from i32) (param $to i32) (param $d i32) (param $trials i32)
    (param $closest i32) (param $trialSq i32) (param $candidates i32) (param $gains i32)
    (local $i i32) (local $row i32) (local $rowBytes i32) (local $slot i32) (local $t i32) (local $own f64) (local $sq f64) (local $at i32) (local $candidate i32)
    (local.set $rowBytes (i32.shl (local.get $d) (i32.const 3)))
    (local.set $i (local.get $from))
    (local.set $row (i32.add (local.get $data) (i32.mul (local.get $i) (local.get $rowBytes))))
    (local.set $slot (i32.add (local.get $trialSq) (i32.shl (i32.mul (local.get $i) (local.get $trials)) (i32.const 3))))
    (block $points
      (loop $point
        (br_if $points (i32.ge_u (local.get $i) (local.get $to)))
        (local.set $t (i32.const 0))
        (local.set $candidate (local.get $candidates))
        (block $pairsDone
          (loop $pair
            (br_if $pairsDone (i32.ge_u (i32.add (local.get $t) (i32.const 1)) (local.get $trials)))
            (call $distancePair (local.get $row) (local.get $candidate) (i32.add (local.get $candidate) (local.get $rowBytes)) (local.get $d)
              (i32.add (local.get $slot) (i32.shl (local.get $t) (i32.const 3))))
            (local.set $candidate (i32.add (local.get $candidate) (i32.shl (local.get $rowBytes) (i32.const 1))))
            (local.set $t (i32.add (local.get $t) (i32.const 2)))
            (br $pair)))
        (if (i32.lt_u (local.get $t) (local.get $trials))
          (then
            (f64.store (i32.add (local.get $slot) (i32.shl (local.get $t) (i32.const 3)))
              (call $distance (local.get $row) (local.get $candidate) (local.get $d)))))
        (local.set $own (f64.load (i32.add (local.get $closest) (i32.shl (local.get $i) (i32.const 3)))))
        (local.set $t (i32.const 0))
        (block $gainsDone
          (loop $gain
            (br_if $gainsDone (i32.ge_u (local.get $t) (local.get $trials)))
            ;; max(own - sq, 0) adds exactly nothing when the candidate is no closer, without a branch.
            (local.set $sq (f64.load (i32.add (local.get $slot) (i32.shl (local.get $t) (i32.const 3)))))
            (local.set $at (i32.add (local.get $gains) (i32.shl (local.get $t) (i32.const 3))))
            (f64.store (local.get $at) (f64.add (f64.load (local.get $at)) (f64.max (f64.sub (local.get $own) (local.get $sq)) (f64.const 0))))
            (local.set $t (i32.add (local.get $t) (i32.const 1)))
            (br $gain)))
        (local.set $slot (i32.add (local.get $slot) (i32.shl (local.get $trials) (i32.const 3))))
        (local.set $row (i32.add (local.get $row) (local.get $rowBytes)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $point))))

  ;; Cluster sums of rows [$from, $to) in point order (lloydPasses.sums in kmeans-hamerly.ts):
  ;; sums[label] += row, counts[label] += 1; lanes add coordinate by coordinate, as the JavaScript does.
  (func (export "sums")
    (param $data i32) (param $from i32) (param $to i32) (param $d i32) (param $labels i32) (param $sums i32) (param $counts i32)
    (local $i i32) (local $row i32) (local $rowBytes i32) (local $pairs i32) (local $label i32) (local $base i32) (local $at i32) (local $offset i32)
    (local.set $rowBytes (i32.shl (local.get $d) (i32.const 3)))
    (local.set $pairs (i32.shl (i32.and (local.get $d) (i32.const -2)) (i32.const 3)))
    (local.set $i (local.get $from))
    (local.set $row (i32.add (local.get $data) (i32.mul (local.get $i) (local.get $rowBytes))))
    (block $points
      (loop $point
        (br_if $points (i32.ge_u (local.get $i) (local.get $to)))
        (local.set $label (i32.load (i32.add (local.get $labels) (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $at (i32.add (local.get $counts) (i32.shl (local.get $label) (i32.const 2))))
        (i32.store (local.get $at) (i32.add (i32.load (local.get $at)) (i32.const 1)))
        (local.set $base (i32.add (local.get $sums) (i32.mul (local.get $label) (local.get $rowBytes))))
        (local.set $offset (i32.const 0))
        (block $pairsDone
          (loop $pair
            (br_if $pairsDone (i32.ge_u (local.get $offset) (local.get $pairs)))
            (local.set $at (i32.add (local.get $base) (local.get $offset)))
            (v128.store (local.get $at) (f64x2.add (v128.load (local.get $at)) (v128.load (i32.add (local.get $row) (local.get $offset)))))
            (local.set $offset (i32.add (local.get $offset) (i32.const 16)))
            (br $pair)))
        (if (i32.lt_u (local.get $offset) (local.get $rowBytes))
          (then
            (local.set $at (i32.add (local.get $base) (local.get $offset)))
            (f64.store (local.get $at) (f64.add (f64.load (local.get $at)) (f64.load (i32.add (local.get $row) (local.get $offset)))))))
        (local.set $row (i32.add (local.get $row) (local.get $rowBytes)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $point))))

;; The seeding's commit pass (seedingPasses.commit in kmeans-plus-plus.ts) over rows [$from, $to):
  ;; candidate $chosen becomes centre $centre; labels, closest distances and Hamerly's lower
  ;; bounds follow. Returns the rows' new potential (sum of closest squared distances, in order).
  (func (export "commit")
    (param $from i32) (param $to i32) (param $trials i32) (param $chosen i32) (param $centre i32)
    (param $labels i32) (param $closest i32) (param $lower i32) (param $trialSq i32) (result f64)
    (local $i i32) (local $own f64) (local $sq f64) (local $bound f64) (local $potential f64) (local $at i32) (local $closestAt i32)
    (local.set $i (local.get $from))
    (block $points
      (loop $point
        (br_if $points (i32.ge_u (local.get $i) (local.get $to)))
        (local.set $closestAt (i32.add (local.get $closest) (i32.shl (local.get $i) (i32.const 3))))
        (local.set $at (i32.add (local.get $lower) (i32.shl (local.get $i) (i32.const 3))))
        (local.set $own (f64.load (local.get $closestAt)))
        (local.set $sq (f64.load (i32.add (local.get $trialSq)
          (i32.shl (i32.add (i32.mul (local.get $i) (local.get $trials)) (local.get $chosen)) (i32.const 3)))))
        (if (f64.lt (local.get $sq) (local.get $own))
          (then
            (local.set $bound (f64.sqrt (local.get $own)))
            (f64.store (local.get $closestAt) (local.get $sq))
            (i32.store (i32.add (local.get $labels) (i32.shl (local.get $i) (i32.const 2))) (local.get $centre)))
          (else (local.set $bound (f64.sqrt (local.get $sq)))))
        (if (f64.lt (local.get $bound) (f64.load (local.get $at))) (then (f64.store (local.get $at) (local.get $bound))))
        (local.set $potential (f64.add (local.get $potential) (f64.load (local.get $closestAt))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $point)))
    (local.get $potential))

  ;; Hamerly's assignment pass (lloydPasses.assign in kmeans-hamerly.ts) over rows [$from, $to)
  ;; of one block: loosen each point's bounds by how far the centres moved; re-examine the
  ;; points whose bounds no longer decide; a point that changes cluster moves its row from one
  ;; cluster's sums to the other's in this block's slots. Returns how many points changed.
  (func (export "assign")
    (param $data i32) (param $from i32) (param $to i32) (param $d i32) (param $k i32)
    (param $labels i32) (param $upper i32) (param $lower i32) (param $centres i32) (param $moved i32) (param $halfGap i32)
    (param $largest f64) (param $secondLargest f64) (param $largestIndex i32) (param $safety f64)
    (param $sums i32) (param $counts i32) (result i32)
    (local $i i32) (local $row i32) (local $rowBytes i32) (local $label i32) (local $bound f64) (local $low f64) (local $threshold f64)
    (local $own f64) (local $best f64) (local $second f64) (local $bestIndex i32) (local $j i32) (local $sq f64) (local $changed i32)
    (local $upperAt i32) (local $lowerAt i32) (local $labelAt i32) (local $out i32) (local $into i32) (local $offset i32) (local $at i32) (local $value f64)
    (local.set $rowBytes (i32.shl (local.get $d) (i32.const 3)))
    (local.set $i (local.get $from))
    (local.set $row (i32.add (local.get $data) (i32.mul (local.get $i) (local.get $rowBytes))))
    (block $points
      (loop $point
        (br_if $points (i32.ge_u (local.get $i) (local.get $to)))
        (block $next
          (local.set $labelAt (i32.add (local.get $labels) (i32.shl (local.get $i) (i32.const 2))))
          (local.set $upperAt (i32.add (local.get $upper) (i32.shl (local.get $i) (i32.const 3))))
          (local.set $lowerAt (i32.add (local.get $lower) (i32.shl (local.get $i) (i32.const 3))))
          (local.set $label (i32.load (local.get $labelAt)))
          (local.set $bound (f64.add (f64.load (local.get $upperAt))
            (f64.load (i32.add (local.get $moved) (i32.shl (local.get $label) (i32.const 3))))))
          (local.set $low (f64.sub (f64.load (local.get $lowerAt))
            (select (local.get $secondLargest) (local.get $largest) (i32.eq (local.get $label) (local.get $largestIndex)))))
          (f64.store (local.get $upperAt) (local.get $bound))
          (f64.store (local.get $lowerAt) (local.get $low))
          (local.set $threshold (f64.mul
            (f64.max (f64.load (i32.add (local.get $halfGap) (i32.shl (local.get $label) (i32.const 3)))) (local.get $low))
            (local.get $safety)))
          (br_if $next (f64.le (local.get $bound) (local.get $threshold)))
          (local.set $own (f64.sqrt (call $distance (local.get $row)
            (i32.add (local.get $centres) (i32.mul (local.get $label) (local.get $rowBytes))) (local.get $d))))
          (f64.store (local.get $upperAt) (local.get $own))
          (br_if $next (f64.le (local.get $own) (local.get $threshold)))
          ;; Only the two nearest matter: a centre whose partial sum already reaches the second
          ;; nearest so far is neither, and j rises, so a tie still goes to the lower index.
          (local.set $best (f64.const inf))
          (local.set $second (f64.const inf))
          (local.set $bestIndex (i32.const 0))
          (local.set $j (i32.const 0))
          (block $centresDone
            (loop $centre
              (br_if $centresDone (i32.ge_u (local.get $j) (local.get $k)))
              (local.set $sq (call $distanceBelow (local.get $row)
                (i32.add (local.get $centres) (i32.mul (local.get $j) (local.get $rowBytes))) (local.get $d) (local.get $second)))
              (if (f64.lt (local.get $sq) (local.get $best))
                (then
                  (local.set $second (local.get $best))
                  (local.set $best (local.get $sq))
                  (local.set $bestIndex (local.get $j)))
                (else (if (f64.lt (local.get $sq) (local.get $second)) (then (local.set $second (local.get $sq))))))
              (local.set $j (i32.add (local.get $j) (i32.const 1)))
              (br $centre)))
          (f64.store (local.get $upperAt) (f64.sqrt (local.get $best)))
          (f64.store (local.get $lowerAt) (f64.sqrt (local.get $second)))
          (br_if $next (i32.eq (local.get $bestIndex) (local.get $label)))
          (if (i32.eqz (local.get $changed))
            (then
              (memory.fill (local.get $sums) (i32.const 0) (i32.mul (local.get $k) (local.get $rowBytes)))
              (memory.fill (local.get $counts) (i32.const 0) (i32.shl (local.get $k) (i32.const 2)))))
          (local.set $changed (i32.add (local.get $changed) (i32.const 1)))
          (i32.store (local.get $labelAt) (local.get $bestIndex))
          (local.set $at (i32.add (local.get $counts) (i32.shl (local.get $label) (i32.const 2))))
          (i32.store (local.get $at) (i32.sub (i32.load (local.get $at)) (i32.const 1)))
          (local.set $at (i32.add (local.get $counts) (i32.shl (local.get $bestIndex) (i32.const 2))))
          (i32.store (local.get $at) (i32.add (i32.load (local.get $at)) (i32.const 1)))
          (local.set $out (i32.add (local.get $sums) (i32.mul (local.get $label) (local.get $rowBytes))))
          (local.set $into (i32.add (local.get $sums) (i32.mul (local.get $bestIndex) (local.get $rowBytes))))
          (local.set $offset (i32.const 0))
          (block $valuesDone
            (loop $value
              (br_if $valuesDone (i32.ge_u (local.get $offset) (local.get $rowBytes)))
              (local.set $value (f64.load (i32.add (local.get $row) (local.get $offset))))
              (local.set $at (i32.add (local.get $out) (local.get $offset)))
              (f64.store (local.get $at) (f64.sub (f64.load (local.get $at)) (local.get $value)))
              (local.set $at (i32.add (local.get $into) (local.get $offset)))
              (f64.store (local.get $at) (f64.add (f64.load (local.get $at)) (local.get $value)))
              (local.set $offset (i32.add (local.get $offset) (i32.const 8)))
              (br $value))))
        (local.set $row (i32.add (local.get $row) (local.get $rowBytes)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $point)))
    (local.get $changed))
)
