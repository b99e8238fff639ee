(module
  (memory (export "memory") 1)

  ;; cc[k] = cPitchJitter::crossCorr of the (shortest + k) floats from x with the as many that follow
  ;; them, for k = 0 .. longest - shortest rounded up to a group of four (the caller drops the rest):
  ;; float32 samples, every sum in double in crossCorr's order. Each group of four lengths
  ;; L .. L + 3 runs as two f64x2 pairs; lane k's second window starts at x[L + k], so one
  ;; four-float load gives all four lanes their sample. Lane k sums L + k terms: the loops run to L
  ;; for all lanes, then the last three steps with the finished lanes masked to +0, which leaves
  ;; their sums as they are (a sum that starts at +0 is never -0). The first window's sum of L + 1
  ;; is the sum of L plus one sample, kept running from group to group.
  (func (export "crossCorrelations")
    (param $x i32) (param $shortest i32) (param $longest i32) (param $cc i32)
    (local $i i32) (local $length i32) (local $b i32) (local $end i32) (local $out i32)
    (local $sumA f64) (local $sumA0 f64) (local $sumA1 f64) (local $sumA2 f64) (local $sumA3 f64)
    (local $lengths01 v128) (local $lengths23 v128) (local $step v128)
    (local $meanA01 v128) (local $meanA23 v128) (local $meanB01 v128) (local $meanB23 v128)
    (local $sumB01 v128) (local $sumB23 v128) (local $v v128) (local $y01 v128) (local $y23 v128)
    (local $xa v128) (local $mask01 v128) (local $mask23 v128)
    (local $da01 v128) (local $da23 v128) (local $db01 v128) (local $db23 v128)
    (local $product01 v128) (local $product23 v128) (local $energyA01 v128)
    (local $energyA23 v128) (local $energyB01 v128) (local $energyB23 v128)
    (block $summed
      (loop $sum
        (br_if $summed (i32.ge_u (local.get $i) (local.get $shortest)))
        (local.set $sumA (f64.add (local.get $sumA)
          (f64.promote_f32 (f32.load (i32.add (local.get $x) (i32.shl (local.get $i) (i32.const 2)))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $sum)))
    (local.set $length (local.get $shortest))
    (local.set $out (local.get $cc))
    (block $groupsDone
      (loop $group
        (br_if $groupsDone (i32.gt_u (local.get $length) (local.get $longest)))
        (local.set $b (i32.add (local.get $x) (i32.shl (local.get $length) (i32.const 2))))
        (local.set $end (i32.add (local.get $length) (i32.const 3)))
        (local.set $sumA0 (local.get $sumA))
        (local.set $sumA1 (f64.add (local.get $sumA0) (f64.promote_f32 (f32.load (local.get $b)))))
        (local.set $sumA2 (f64.add (local.get $sumA1) (f64.promote_f32 (f32.load offset=4 (local.get $b)))))
        (local.set $sumA3 (f64.add (local.get $sumA2) (f64.promote_f32 (f32.load offset=8 (local.get $b)))))
        (local.set $sumA (f64.add (local.get $sumA3) (f64.promote_f32 (f32.load offset=12 (local.get $b)))))
        (local.set $lengths01 (f64x2.replace_lane 1
          (f64x2.splat (f64.convert_i32_u (local.get $length)))
          (f64.convert_i32_u (i32.add (local.get $length) (i32.const 1)))))
        (local.set $lengths23 (f64x2.add (local.get $lengths01) (f64x2.splat (f64.const 2))))
        (local.set $meanA01 (f64x2.div
          (f64x2.replace_lane 1 (f64x2.splat (local.get $sumA0)) (local.get $sumA1))
          (local.get $lengths01)))
        (local.set $meanA23 (f64x2.div
          (f64x2.replace_lane 1 (f64x2.splat (local.get $sumA2)) (local.get $sumA3))
          (local.get $lengths23)))

        ;; The second windows' sums: all lanes to L, then lanes 1 .. 3 alone.
        (local.set $sumB01 (v128.const i64x2 0 0))
        (local.set $sumB23 (v128.const i64x2 0 0))
        (local.set $i (i32.const 0))
        (block $sumsDone
          (loop $sums
            (br_if $sumsDone (i32.ge_u (local.get $i) (local.get $length)))
            (local.set $v (v128.load (i32.add (local.get $b) (i32.shl (local.get $i) (i32.const 2)))))
            (local.set $sumB01 (f64x2.add (local.get $sumB01) (f64x2.promote_low_f32x4 (local.get $v))))
            (local.set $sumB23 (f64x2.add (local.get $sumB23) (f64x2.promote_low_f32x4
              (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v) (local.get $v)))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $sums)))
        (block $sumTailDone
          (loop $sumTail
            (br_if $sumTailDone (i32.ge_u (local.get $i) (local.get $end)))
            (local.set $v (v128.load (i32.add (local.get $b) (i32.shl (local.get $i) (i32.const 2)))))
            ;; lane k takes step i while i - L < k
            (local.set $step (i64x2.splat (i64.extend_i32_u (i32.sub (local.get $i) (local.get $length)))))
            (local.set $mask01 (i64x2.gt_s (v128.const i64x2 0 1) (local.get $step)))
            (local.set $mask23 (i64x2.gt_s (v128.const i64x2 2 3) (local.get $step)))
            (local.set $sumB01 (f64x2.add (local.get $sumB01)
              (v128.and (f64x2.promote_low_f32x4 (local.get $v)) (local.get $mask01))))
            (local.set $sumB23 (f64x2.add (local.get $sumB23)
              (v128.and (f64x2.promote_low_f32x4
                (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v) (local.get $v)))
                (local.get $mask23))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $sumTail)))
        (local.set $meanB01 (f64x2.div (local.get $sumB01) (local.get $lengths01)))
        (local.set $meanB23 (f64x2.div (local.get $sumB23) (local.get $lengths23)))

        ;; The products and energies about the means, the same two stretches.
        (local.set $product01 (v128.const i64x2 0 0))
        (local.set $product23 (v128.const i64x2 0 0))
        (local.set $energyA01 (v128.const i64x2 0 0))
        (local.set $energyA23 (v128.const i64x2 0 0))
        (local.set $energyB01 (v128.const i64x2 0 0))
        (local.set $energyB23 (v128.const i64x2 0 0))
        (local.set $i (i32.const 0))
        (block $productsDone
          (loop $products
            (br_if $productsDone (i32.ge_u (local.get $i) (local.get $length)))
            (local.set $xa (f64x2.splat (f64.promote_f32
              (f32.load (i32.add (local.get $x) (i32.shl (local.get $i) (i32.const 2)))))))
            (local.set $v (v128.load (i32.add (local.get $b) (i32.shl (local.get $i) (i32.const 2)))))
            (local.set $y01 (f64x2.promote_low_f32x4 (local.get $v)))
            (local.set $y23 (f64x2.promote_low_f32x4
              (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v) (local.get $v))))
            (local.set $da01 (f64x2.sub (local.get $xa) (local.get $meanA01)))
            (local.set $da23 (f64x2.sub (local.get $xa) (local.get $meanA23)))
            (local.set $db01 (f64x2.sub (local.get $y01) (local.get $meanB01)))
            (local.set $db23 (f64x2.sub (local.get $y23) (local.get $meanB23)))
            (local.set $product01 (f64x2.add (local.get $product01) (f64x2.mul (local.get $da01) (local.get $db01))))
            (local.set $product23 (f64x2.add (local.get $product23) (f64x2.mul (local.get $da23) (local.get $db23))))
            (local.set $energyA01 (f64x2.add (local.get $energyA01) (f64x2.mul (local.get $da01) (local.get $da01))))
            (local.set $energyA23 (f64x2.add (local.get $energyA23) (f64x2.mul (local.get $da23) (local.get $da23))))
            (local.set $energyB01 (f64x2.add (local.get $energyB01) (f64x2.mul (local.get $db01) (local.get $db01))))
            (local.set $energyB23 (f64x2.add (local.get $energyB23) (f64x2.mul (local.get $db23) (local.get $db23))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $products)))
        (block $productTailDone
          (loop $productTail
            (br_if $productTailDone (i32.ge_u (local.get $i) (local.get $end)))
            (local.set $xa (f64x2.splat (f64.promote_f32
              (f32.load (i32.add (local.get $x) (i32.shl (local.get $i) (i32.const 2)))))))
            (local.set $v (v128.load (i32.add (local.get $b) (i32.shl (local.get $i) (i32.const 2)))))
            (local.set $y01 (f64x2.promote_low_f32x4 (local.get $v)))
            (local.set $y23 (f64x2.promote_low_f32x4
              (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v) (local.get $v))))
            (local.set $step (i64x2.splat (i64.extend_i32_u (i32.sub (local.get $i) (local.get $length)))))
            (local.set $mask01 (i64x2.gt_s (v128.const i64x2 0 1) (local.get $step)))
            (local.set $mask23 (i64x2.gt_s (v128.const i64x2 2 3) (local.get $step)))
            (local.set $da01 (v128.and (f64x2.sub (local.get $xa) (local.get $meanA01)) (local.get $mask01)))
            (local.set $da23 (v128.and (f64x2.sub (local.get $xa) (local.get $meanA23)) (local.get $mask23)))
            (local.set $db01 (v128.and (f64x2.sub (local.get $y01) (local.get $meanB01)) (local.get $mask01)))
            (local.set $db23 (v128.and (f64x2.sub (local.get $y23) (local.get $meanB23)) (local.get $mask23)))
            (local.set $product01 (f64x2.add (local.get $product01) (f64x2.mul (local.get $da01) (local.get $db01))))
            (local.set $product23 (f64x2.add (local.get $product23) (f64x2.mul (local.get $da23) (local.get $db23))))
            (local.set $energyA01 (f64x2.add (local.get $energyA01) (f64x2.mul (local.get $da01) (local.get $da01))))
            (local.set $energyA23 (f64x2.add (local.get $energyA23) (f64x2.mul (local.get $da23) (local.get $da23))))
            (local.set $energyB01 (f64x2.add (local.get $energyB01) (f64x2.mul (local.get $db01) (local.get $db01))))
            (local.set $energyB23 (f64x2.add (local.get $energyB23) (f64x2.mul (local.get $db23) (local.get $db23))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $productTail)))
        (v128.store (local.get $out) (f64x2.div (local.get $product01)
          (f64x2.mul (f64x2.sqrt (local.get $energyA01)) (f64x2.sqrt (local.get $energyB01)))))
        (v128.store offset=16 (local.get $out) (f64x2.div (local.get $product23)
          (f64x2.mul (f64x2.sqrt (local.get $energyA23)) (f64x2.sqrt (local.get $energyB23)))))
        (local.set $out (i32.add (local.get $out) (i32.const 32)))
        (local.set $length (i32.add (local.get $length) (i32.const 4)))
        (br $group))))

  ;; cPitchShs's subharmonic sum: sums[m] = spectrum[m], then for h = 2 .. harmonics in order
  ;; sums[m] += scales[h] * spectrum[m + shifts[h]] where that point exists, each product and sum
  ;; in float32 (four points at a time, the rest one by one).
  (func (export "subharmonicSum")
    (param $spectrum i32) (param $sums i32) (param $points i32)
    (param $shifts i32) (param $scales i32) (param $harmonics i32)
    (local $h i32) (local $m i32) (local $count i32) (local $from i32) (local $to i32)
    (local $shift i32) (local $scale f32) (local $scale4 v128)
    (memory.copy (local.get $sums) (local.get $spectrum) (i32.shl (local.get $points) (i32.const 2)))
    (local.set $h (i32.const 2))
    (block $done
      (loop $harmonic
        (br_if $done (i32.gt_u (local.get $h) (local.get $harmonics)))
        (local.set $shift (i32.load (i32.add (local.get $shifts) (i32.shl (local.get $h) (i32.const 2)))))
        (local.set $count (i32.sub (local.get $points) (local.get $shift)))
        (local.set $from (i32.add (local.get $spectrum) (i32.shl (local.get $shift) (i32.const 2))))
        (local.set $scale (f32.load (i32.add (local.get $scales) (i32.shl (local.get $h) (i32.const 2)))))
        (local.set $scale4 (f32x4.splat (local.get $scale)))
        (local.set $m (i32.const 0))
        (block $vectorsDone
          (loop $vectors
            (br_if $vectorsDone (i32.gt_s (i32.add (local.get $m) (i32.const 4)) (local.get $count)))
            (local.set $to (i32.add (local.get $sums) (i32.shl (local.get $m) (i32.const 2))))
            (v128.store (local.get $to) (f32x4.add (v128.load (local.get $to))
              (f32x4.mul (v128.load (i32.add (local.get $from) (i32.shl (local.get $m) (i32.const 2))))
                (local.get $scale4))))
            (local.set $m (i32.add (local.get $m) (i32.const 4)))
            (br $vectors)))
        (block $scalarsDone
          (loop $scalars
            (br_if $scalarsDone (i32.ge_s (local.get $m) (local.get $count)))
            (local.set $to (i32.add (local.get $sums) (i32.shl (local.get $m) (i32.const 2))))
            (f32.store (local.get $to) (f32.add (f32.load (local.get $to))
              (f32.mul (f32.load (i32.add (local.get $from) (i32.shl (local.get $m) (i32.const 2))))
                (local.get $scale))))
            (local.set $m (i32.add (local.get $m) (i32.const 1)))
            (br $scalars)))
        (local.set $h (i32.add (local.get $h) (i32.const 1)))
        (br $harmonic)))))
